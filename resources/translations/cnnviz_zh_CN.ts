<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ConvDemo</name>
    <message>
        <source>W</source>
        <translation>W</translation>
    </message>
    <message>
        <source>Input width W1</source>
        <translation>输入宽度 W1</translation>
    </message>
    <message>
        <source>H</source>
        <translation>H</translation>
    </message>
    <message>
        <source>Input height H1</source>
        <translation>输入高度 H1</translation>
    </message>
    <message>
        <source>D</source>
        <translation>D</translation>
    </message>
    <message>
        <source>Input depth D1 (channels)</source>
        <translation>输入深度 D1（通道数）</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>Number of filters K: the output&apos;s depth</source>
        <translation>滤波器个数 K，即输出的深度</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Filter size F (F x F)</source>
        <translation>滤波器大小 F（F x F）</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Stride S</source>
        <translation>步长 S</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>Zero padding P</source>
        <translation>零填充 P</translation>
    </message>
    <message>
        <source>Input volume {volume}, zero padding {padding}</source>
        <translation>输入数据体 {volume}，零填充 {padding}</translation>
    </message>
    <message>
        <source>w{index}, b{index}</source>
        <translation>w{index}, b{index}</translation>
    </message>
    <message>
        <source>Filters: {count} of {volume}, a bias each</source>
        <translation>滤波器：{count} 个 {volume}，各带一个偏置</translation>
    </message>
    <message>
        <source>Output volume {volume}</source>
        <translation>输出数据体 {volume}</translation>
    </message>
    <message>
        <source>Output volume: none, the filter is larger than the padded input</source>
        <translation>输出数据体：无，滤波器比填充后的输入还大</translation>
    </message>
    <message>
        <source>{width}x{height}x{depth} (W×H×D)</source>
        <translation>{width}x{height}x{depth}（宽×高×深）</translation>
    </message>
    <message>
        <source>&lt;b&gt;o[{row},{column},{filter}]&lt;/b&gt; (row {row}, column {column} of output slice {filter}): filter w{filter} on rows {top}-{bottom}, columns {left}-{right} of the padded input</source>
        <translation>&lt;b&gt;o[{row},{column},{filter}]&lt;/b&gt;（输出切片 {filter} 的行 {row}、列 {column}）：滤波器 w{filter} 作用在填充后输入的行 {top}-{bottom}、列 {left}-{right} 上</translation>
    </message>
    <message>
        <source>slice {index}: {products} = {sum}</source>
        <translation>切片 {index}：{products} = {sum}</translation>
    </message>
    <message>
        <source>{sums} + bias b{filter} {bias} = &lt;b&gt;{result}&lt;/b&gt;</source>
        <translation>{sums} + 偏置 b{filter} {bias} = &lt;b&gt;{result}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Depth column (fibre) at row {row}, column {column}: {values}, one output per filter, all looking at the same window with different filters (outlined in every output slice).</source>
        <translation>行 {row}、列 {column} 处的深度列：{values}。每个滤波器给出一个输出，它们看的是同一个窗口，只是滤波器不同（每个输出切片中都框了出来）。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Work out the next output element</source>
        <translation>计算下一个输出元素</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Work out one output element after another</source>
        <translation>逐个计算输出元素</translation>
    </message>
    <message>
        <source>Steps per second while playing</source>
        <translation>播放时每秒走几步</translation>
    </message>
    <message>
        <source>New numbers</source>
        <translation>换一组数</translation>
    </message>
    <message>
        <source>Draw new random inputs, weights and biases</source>
        <translation>重新随机生成输入、权重和偏置</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Local connectivity&lt;/b&gt;&lt;/p&gt;&lt;p&gt;A neuron of a convolutional layer does not look at the whole input. It looks at a small window, F×F pixels wide and high, but through the full depth of the input: all D1 channels. That window is its &lt;b&gt;receptive field&lt;/b&gt;. So a filter is F×F×D1 weights, plus one bias.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Depth slices and depth columns.&lt;/b&gt; Each of the K filters slides over the whole input and fills one slice of the output, a &lt;b&gt;depth slice&lt;/b&gt;. At one position, the K outputs, one per filter, form a &lt;b&gt;depth column&lt;/b&gt;: K different detectors looking at the same window. Step through the demo: the dashed outlines are the column of the element being worked out.&lt;/p&gt;&lt;p&gt;&lt;b&gt;The output size.&lt;/b&gt; Along a side of W inputs, a filter of size F moved with stride S over an input with zero padding P fits (W − F + 2P)/S + 1 times. The tutorial&apos;s example: (5 − 3 + 2·1)/2 + 1 = 3.&lt;/p&gt;&lt;p&gt;&lt;b&gt;When it does not divide evenly.&lt;/b&gt; If (W − F + 2P)/S is not a whole number, the last window would hang over the edge. PyTorch rounds the division down and leaves out the last rows or columns that no window reaches; the demo hatches them. Try W = 6 with P = 0. The layer still works, but it ignores part of its input, so a network is usually designed for the division to come out whole.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Zero padding&lt;/b&gt; adds a border of zeros. With stride 1, P = (F − 1)/2 keeps the output as wide and high as the input.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;局部连接&lt;/b&gt;&lt;/p&gt;&lt;p&gt;卷积层里的一个神经元并不看整个输入，只看其中一小块：宽、高各 F 个像素，深度却贯穿输入的全部 D1 个通道。这一小块就是它的&lt;b&gt;感受野&lt;/b&gt;，也叫局部感受野。所以一个滤波器有 F×F×D1 个权重，再加一个偏置。&lt;/p&gt;&lt;p&gt;&lt;b&gt;深度切片与深度列。&lt;/b&gt;K 个滤波器各自在整个输入上滑过，每个填满输出的一层，这一层叫&lt;b&gt;深度切片&lt;/b&gt;。在同一个位置上，K 个滤波器各给出一个输出，这 K 个数竖着排成一列，就是&lt;b&gt;深度列&lt;/b&gt;：K 个不同的“探测器”盯着同一个窗口。单步执行时留意虚线框，框住的就是当前元素所在的深度列。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输出尺寸。&lt;/b&gt;输入边长为 W，滤波器大小为 F，步长为 S，零填充为 P，沿这条边滤波器能放 (W − F + 2P)/S + 1 次。教程里的例子：(5 − 3 + 2·1)/2 + 1 = 3。&lt;/p&gt;&lt;p&gt;&lt;b&gt;除不尽怎么办？&lt;/b&gt;如果 (W − F + 2P)/S 不是整数，最后一个窗口就会伸出边界。PyTorch 的做法是向下取整：最后那几行或几列没有窗口能够到，直接丢掉，演示里用斜线标出。试试 W = 6、P = 0。这样的层照样能用，只是白白浪费了一部分输入，所以设计网络时一般会让这个除法正好除尽。&lt;/p&gt;&lt;p&gt;&lt;b&gt;零填充&lt;/b&gt;就是在输入四周加一圈 0。步长为 1 时，取 P = (F − 1)/2，输出就和输入一样宽、一样高。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Nothing to compute: the filter is larger than the padded input. Make it smaller or pad more.</source>
        <translation>无从计算：滤波器比填充后的输入还大。请把滤波器调小，或多加一些填充。</translation>
    </message>
    <message>
        <source>Parameters: K·(F·F·D1 + 1) = {count}</source>
        <translation>参数个数：K·(F·F·D1 + 1) = {count}</translation>
    </message>
    <message>
        <source>Output size (W − F + 2P) / S + 1: {formula}</source>
        <translation>输出尺寸 (W − F + 2P) / S + 1：{formula}</translation>
    </message>
    <message>
        <source>the {kernel}x{kernel} filter is larger than the padded input ({width}x{height} with zero padding {padding} is {padded_width}x{padded_height}): make the filter smaller or the padding larger</source>
        <translation>{kernel}x{kernel} 的滤波器比填充后的输入还大（{width}x{height} 加上零填充 {padding} 后是 {padded_width}x{padded_height}）：请把滤波器调小，或把填充加大</translation>
    </message>
    <message>
        <source>{size}&lt;br&gt;&lt;span style=&apos;color:#b00000&apos;&gt;&lt;b&gt;No output:&lt;/b&gt; {problem}&lt;/span&gt;&lt;br&gt;{parameters}</source>
        <translation>{size}&lt;br&gt;&lt;span style=&apos;color:#b00000&apos;&gt;&lt;b&gt;没有输出：&lt;/b&gt;{problem}&lt;/span&gt;&lt;br&gt;{parameters}</translation>
    </message>
    <message>
        <source>{size}: an output volume of {volume}.</source>
        <translation>{size}：输出数据体为 {volume}。</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;span style=&apos;color:#a04000&apos;&gt;&lt;b&gt;Floored&lt;/b&gt; (dropped cells hatched): {sides}&lt;/span&gt;</source>
        <translation>&lt;br&gt;&lt;span style=&apos;color:#a04000&apos;&gt;&lt;b&gt;向下取整&lt;/b&gt;（被丢弃的格子画有斜线）：{sides}&lt;/span&gt;</translation>
    </message>
    <message>
        <source>along the width, {calculation} = {exact} is not whole, and the last column (column {last}) of the padded input is dropped</source>
        <translation>宽度方向上，{calculation} = {exact} 不是整数，填充后输入的最后一列（列 {last}）被丢弃</translation>
    </message>
    <message>
        <source>along the width, {calculation} = {exact} is not whole, and the last {count} columns (columns {first}-{last}) of the padded input are dropped</source>
        <translation>宽度方向上，{calculation} = {exact} 不是整数，填充后输入的最后 {count} 列（列 {first}-{last}）被丢弃</translation>
    </message>
    <message>
        <source>along the height, {calculation} = {exact} is not whole, and the last row (row {last}) of the padded input is dropped</source>
        <translation>高度方向上，{calculation} = {exact} 不是整数，填充后输入的最后一行（行 {last}）被丢弃</translation>
    </message>
    <message>
        <source>along the height, {calculation} = {exact} is not whole, and the last {count} rows (rows {first}-{last}) of the padded input are dropped</source>
        <translation>高度方向上，{calculation} = {exact} 不是整数，填充后输入的最后 {count} 行（行 {first}-{last}）被丢弃</translation>
    </message>
    <message>
        <source>The {kernel}x{kernel} filter at stride {stride} does not tile the padded input evenly, so PyTorch floors the division and drops what no window reaches: {sides}.</source>
        <translation>步长为 {stride} 时，{kernel}x{kernel} 的滤波器不能恰好铺满填充后的输入，所以 PyTorch 对除法向下取整，丢掉任何窗口都够不到的部分：{sides}。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>CurrentModel</name>
    <message>
        <source>untrained (random weights)</source>
        <translation>未训练（随机权重）</translation>
    </message>
    <message>
        <source>shipped weights</source>
        <translation>自带的权重</translation>
    </message>
    <message>
        <source>{model} on {dataset}, {source}</source>
        <translation>{dataset} 上的 {model}，{source}</translation>
    </message>
    <message>
        <source>{model} on {dataset}, {source} ({accuracy})</source>
        <translation>{dataset} 上的 {model}，{source}（{accuracy}）</translation>
    </message>
    <message>
        <source>run {name}, best</source>
        <translation>运行 {name}，最佳</translation>
    </message>
    <message>
        <source>run {name}</source>
        <translation>运行 {name}</translation>
    </message>
    <message>
        <source>this run, epoch {epoch}</source>
        <translation>本次训练，第 {epoch} 轮</translation>
    </message>
    <message>
        <source>this run, stopped at step {step}</source>
        <translation>本次训练，停在第 {step} 步</translation>
    </message>
</context>
<context>
    <name>Device</name>
    <message>
        <source>mps (Apple GPU)</source>
        <translation>mps（Apple GPU）</translation>
    </message>
    <message>
        <source>cpu</source>
        <translation>CPU</translation>
    </message>
</context>
<context>
    <name>DrawTab</name>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Clear the canvas (Esc or Delete); Ctrl+Z brings it back</source>
        <translation>清空画布（Esc 或 Delete）；Ctrl+Z 可以恢复</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo the last stroke (Ctrl+Z)</source>
        <translation>撤销上一笔（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Pen width</source>
        <translation>笔的粗细</translation>
    </message>
    <message>
        <source>Inspect this drawing</source>
        <translation>检查这幅手写图</translation>
    </message>
    <message>
        <source>Pen</source>
        <translation>笔</translation>
    </message>
    <message>
        <source>Use the shipped digit model</source>
        <translation>使用自带的数字模型</translation>
    </message>
    <message>
        <source>draw a digit</source>
        <translation>写一个数字</translation>
    </message>
    <message>
        <source>Show the raw canvas, scaled down</source>
        <translation>显示缩小后的原始画布</translation>
    </message>
    <message>
        <source>What the network sees</source>
        <translation>网络看到的图像</translation>
    </message>
    <message>
        <source>no digit model</source>
        <translation>没有数字模型</translation>
    </message>
    <message>
        <source>Weights: {label}</source>
        <translation>权重：{label}</translation>
    </message>
    <message>
        <source>The Draw tab is for digit models; {model} on {dataset} takes colour images. Switch to the shipped digit model to draw.</source>
        <translation>手写标签页只适用于数字模型；{dataset} 上的 {model} 接收的是彩色图像。请换成自带的数字模型再来写。</translation>
    </message>
    <message>
        <source>Weights: this run, step {step} (live)</source>
        <translation>权重：这次运行，第 {step} 步（实时）</translation>
    </message>
    <message>
        <source>keep drawing: too small</source>
        <translation>继续写：笔画太小</translation>
    </message>
    <message>
        <source>{probability} sure</source>
        <translation>把握 {probability}</translation>
    </message>
</context>
<context>
    <name>DrawingCanvas</name>
    <message>
        <source>Draw with the mouse, a pen or a finger. Esc clears; Ctrl+Z takes back the last stroke, or the clear.</source>
        <translation>用鼠标、手写笔或手指书写。Esc 清空画布；Ctrl+Z 撤销上一笔或刚才的清空。</translation>
    </message>
    <message>
        <source>draw a digit here</source>
        <translation>在这里写一个数字</translation>
    </message>
</context>
<context>
    <name>Error</name>
    <message>
        <source>data set {name} is not in {where} and could not be downloaded ({reason}). Expected files there: {files}. Connect to the internet and try again, copy the files into {where}, or choose another data directory (--data-dir or CNNVIZ_DATA)</source>
        <translation>数据集 {name} 不在 {where} 中，也无法下载（{reason}）。那里应有这些文件：{files}。请连上网络后重试，把这些文件复制到 {where}，或另选一个数据目录（--data-dir 或 CNNVIZ_DATA）</translation>
    </message>
    <message>
        <source>downloads are off</source>
        <translation>下载已关闭</translation>
    </message>
    <message>
        <source>no network: cannot download {title}</source>
        <translation>没有网络：无法下载 {title}</translation>
    </message>
    <message>
        <source>the download of {title} failed: {error}</source>
        <translation>{title} 下载失败：{error}</translation>
    </message>
    <message>
        <source>data set {name} in {folder} could not be read ({error}); delete the folder to download it again</source>
        <translation>{folder} 中的数据集 {name} 无法读取（{error}）；删除该文件夹即可重新下载</translation>
    </message>
    <message>
        <source>none of the images in {folder} could be read</source>
        <translation>{folder} 中的图像一张也读不出来</translation>
    </message>
    <message>
        <source>image size {size}: give the longer side in pixels, or (height, width)</source>
        <translation>图像尺寸 {size}：请给出长边的像素数，或 (高, 宽)</translation>
    </message>
    <message>
        <source>image folder {root} does not exist; give a folder with train/&lt;class&gt;/ and test/&lt;class&gt;/ subfolders, or one subfolder per class</source>
        <translation>图像文件夹 {root} 不存在；请给出一个含有 train/&lt;class&gt;/（训练）和 test/&lt;class&gt;/（测试）子文件夹的文件夹，或每个类别一个子文件夹的文件夹</translation>
    </message>
    <message>
        <source>image folder {root} has no class subfolders; put each class&apos;s images in a folder named after the class</source>
        <translation>图像文件夹 {root} 里没有类别子文件夹；请把每个类别的图像放进以该类别命名的文件夹</translation>
    </message>
    <message>
        <source>image folder {root} holds no images ({suffixes})</source>
        <translation>图像文件夹 {root} 里没有图像（{suffixes}）</translation>
    </message>
    <message>
        <source>image folder {root}: no image in one of its splits could be read</source>
        <translation>图像文件夹 {root}：其中一个划分里没有一张图像能读取</translation>
    </message>
    <message>
        <source>unknown model {name}: choose one of {known}, give pattern:n=N,m=M,k=K, or give path/to/file.py:ClassName</source>
        <translation>未知的模型 {name}：请从 {known} 中选一个，或给出 pattern:n=N,m=M,k=K，或给出 path/to/file.py:ClassName</translation>
    </message>
    <message>
        <source>{name} cannot be built for {height}x{width} images with {channels} channel(s): {error}; choose a larger image size or another model</source>
        <translation>{name} 无法为 {height}x{width}、{channels} 个通道的图像构建：{error}；请选更大的图像尺寸，或换一个模型</translation>
    </message>
    <message>
        <source>could not save checkpoint {path}: {error}; free some disk space or choose another folder (any earlier checkpoint there is unchanged)</source>
        <translation>无法保存检查点 {path}：{error}；请腾出一些磁盘空间或另选一个文件夹（那里原有的检查点不受影响）</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <translation>{path}：没有这个文件</translation>
    </message>
    <message>
        <source>{path}: is a folder, not a checkpoint file</source>
        <translation>{path}：是文件夹，不是检查点文件</translation>
    </message>
    <message>
        <source>{path}: is empty, not a checkpoint</source>
        <translation>{path}：是空文件，不是检查点</translation>
    </message>
    <message>
        <source>{path}: refused: the file holds pickled objects that would run code when loaded; cnnviz only loads plain tensors and values. Do not trust this file</source>
        <translation>{path}：已拒绝：该文件含有加载时会运行代码的 pickle 对象；cnnviz 只加载普通的张量和数值。不要信任这个文件</translation>
    </message>
    <message>
        <source>{path}: cannot be read (permission denied)</source>
        <translation>{path}：无法读取（没有权限）</translation>
    </message>
    <message>
        <source>{path}: is truncated, corrupt or not a checkpoint ({reason})</source>
        <translation>{path}：文件不完整、已损坏或不是检查点（{reason}）</translation>
    </message>
    <message>
        <source>{path}: refused: its parts are compressed ({part}), which no checkpoint written by torch.save is; do not trust this file</source>
        <translation>{path}：已拒绝：它的部件经过压缩（{part}），而 torch.save 写出的检查点都不压缩；不要信任这个文件</translation>
    </message>
    <message>
        <source>{path}: is not a cnnviz checkpoint (it loads, but holds no cnnviz model); save checkpoints with cnnviz train or the app</source>
        <translation>{path}：不是 cnnviz 检查点（能加载，但里面没有 cnnviz 模型）；请用 cnnviz train（训练）或本应用保存检查点</translation>
    </message>
    <message>
        <source>{path}: was written by a newer cnnviz; update cnnviz to open it</source>
        <translation>{path}：由更新版本的 cnnviz 写出；请更新 cnnviz 后再打开</translation>
    </message>
    <message>
        <source>{path}: is a damaged cnnviz checkpoint ({reason})</source>
        <translation>{path}：是已损坏的 cnnviz 检查点（{reason}）</translation>
    </message>
    <message>
        <source>{source}: belongs to another model or class count (it holds {model} for {classes} classes, input {shape}): {first}</source>
        <translation>{source}：属于另一个模型或另一个类别数（它存的是 {classes} 个类别的 {model}，输入 {shape}）：{first}</translation>
    </message>
    <message>
        <source>{source}: its model {model} cannot be rebuilt: {error}</source>
        <translation>{source}：它的模型 {model} 无法重建：{error}</translation>
    </message>
    <message>
        <source>{source}: cannot rebuild its model: {error}</source>
        <translation>{source}：无法重建它的模型：{error}</translation>
    </message>
    <message>
        <source>the model&apos;s classes ({classes}) do not match data set {name} ({count})</source>
        <translation>模型的类别数（{classes}）与数据集 {name} 的类别数（{count}）不一致</translation>
    </message>
    <message>
        <source>the model has no 2-D convolution for {method}; use saliency</source>
        <translation>模型里没有可用于 {method} 的二维卷积；请改用梯度显著图</translation>
    </message>
    <message>
        <source>no conv layer named {layer!r}; choose one of {layers}</source>
        <translation>没有名为 {layer!r} 的卷积层；请从 {layers} 中选一个</translation>
    </message>
    <message>
        <source>class {index} does not exist: the model has classes 0 to {last}</source>
        <translation>类别 {index} 不存在：模型的类别是 0 到 {last}</translation>
    </message>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>channel of {layer}</source>
        <translation>{layer} 的通道</translation>
    </message>
    <message>
        <source>{what} {index} does not exist: there are {count} (0 to {last})</source>
        <translation>{what} {index} 不存在：一共有 {count} 个（0 到 {last}）</translation>
    </message>
    <message>
        <source>steps must be at least 1 (got {steps})</source>
        <translation>步数至少为 1（现在是 {steps}）</translation>
    </message>
    <message>
        <source>there are no test images to compare with</source>
        <translation>没有可供比较的测试图像</translation>
    </message>
    <message>
        <source>an MP4 needs imageio-ffmpeg: pip install &quot;cnnviz[export]&quot; (a .gif needs no more)</source>
        <translation>导出 MP4 需要 imageio-ffmpeg：pip install &quot;cnnviz[export]&quot;（导出 .gif 不需要）</translation>
    </message>
    <message>
        <source>the timelapse projects the input of {classifier}, the classifier, only (not {layer})</source>
        <translation>延时记录只投影分类器 {classifier} 的输入（不投影 {layer}）</translation>
    </message>
    <message>
        <source>the timelapse keeps the kernels of the first conv layer, {first}, only (not {layer})</source>
        <translation>延时记录只保存第一个卷积层 {first} 的卷积核（不保存 {layer} 的）</translation>
    </message>
    <message>
        <source>the timelapse holds no feature maps</source>
        <translation>延时记录里没有特征图</translation>
    </message>
    <message>
        <source>the timelapse holds no maps of {layer!r}; it has {layers}</source>
        <translation>延时记录里没有 {layer!r} 层的图；只有 {layers}</translation>
    </message>
    <message>
        <source>{out}: write a .gif or an .mp4</source>
        <translation>{out}：请导出为 .gif 或 .mp4</translation>
    </message>
    <message>
        <source>cannot write {out}: {error}</source>
        <translation>无法写入 {out}：{error}</translation>
    </message>
    <message>
        <source>{path}: syntax error on line {line}: {error}; fix the file and load it again</source>
        <translation>{path}：第 {line} 行有语法错误：{error}；请修改文件后重新加载</translation>
    </message>
    <message>
        <source>{path}: importing it raised {kind}: {error}</source>
        <translation>{path}：导入时出错 {kind}：{error}</translation>
    </message>
    <message>
        <source>{source}: forward on a sample batch of shape {shape} raised {kind}: {error}</source>
        <translation>{source}：对形状为 {shape} 的样本批次做前向计算时出错 {kind}：{error}</translation>
    </message>
    <message>
        <source> (a .squeeze() or flatten that drops the batch dimension? use x.flatten(1) or x.reshape(x.size(0), -1))</source>
        <translation>（是不是 .squeeze() 或展平去掉了批次维度？请用 x.flatten(1) 或 x.reshape(x.size(0), -1)）</translation>
    </message>
    <message>
        <source>{source}: output for a sample batch of shape {shape} is {got}, expected {expected} ([batch, classes]){hint}</source>
        <translation>{source}：形状为 {shape} 的样本批次的输出是 {got}，应为 {expected}（[批次, 类别]）{hint}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>什么也没有</translation>
    </message>
    <message>
        <source>{path}: defines no name {name!r} (it defines: {defined})</source>
        <translation>{path}：没有定义名称 {name!r}（它定义了：{defined}）</translation>
    </message>
    <message>
        <source>{path}: {name!r} is not an nn.Module class or a function that returns one</source>
        <translation>{path}：{name!r} 既不是 nn.Module 类，也不是返回 nn.Module 的函数</translation>
    </message>
    <message>
        <source>{path}: calling {name}() raised {detail}</source>
        <translation>{path}：调用 {name}() 时出错 {detail}</translation>
    </message>
    <message>
        <source>{path}: {name}() gave a {kind}, not an nn.Module</source>
        <translation>{path}：{name}() 返回的是 {kind}，不是 nn.Module</translation>
    </message>
    <message>
        <source>{path}: no such file; check the path to your model file</source>
        <translation>{path}：没有这个文件；请检查模型文件的路径</translation>
    </message>
    <message>
        <source>{path}: is not a file; give a .py file that defines your model</source>
        <translation>{path}：不是文件；请给出一个定义了模型的 .py 文件</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({error})</source>
        <translation>{path}：无法读取（{error}）</translation>
    </message>
    <message>
        <source>the stored source of {path} does not match its hash</source>
        <translation>保存的 {path} 源代码与其哈希值不符</translation>
    </message>
    <message>
        <source>{name} must be {low} to {high} in a pattern spec (got {value})</source>
        <translation>模式描述中的 {name} 必须在 {low} 到 {high} 之间（现在是 {value}）</translation>
    </message>
    <message>
        <source>pool must be one of {pools} (got {pool!r})</source>
        <translation>pool 必须是 {pools} 之一（现在是 {pool!r}）</translation>
    </message>
    <message>
        <source>pool=none needs n of at least 1: a block&apos;s last conv, with stride 2, takes the place of the pool</source>
        <translation>pool=none 需要 n 至少为 1：由每块最后一个步长为 2 的卷积代替池化</translation>
    </message>
    <message>
        <source>{spec!r} is not a pattern spec (it starts with {prefix})</source>
        <translation>{spec!r} 不是模式描述（模式描述以 {prefix} 开头）</translation>
    </message>
    <message>
        <source>{spec}: {item!r} is not key=value, as in {example}</source>
        <translation>{spec}：{item!r} 不是 key=value 的形式，请照 {example} 的样子写</translation>
    </message>
    <message>
        <source>{spec}: unknown setting {key!r}; the settings are {settings}</source>
        <translation>{spec}：未知的设置 {key!r}；可用的设置有 {settings}</translation>
    </message>
    <message>
        <source>{spec}: {key} is given twice</source>
        <translation>{spec}：{key} 给了两次</translation>
    </message>
    <message>
        <source>{spec}: {key} must be a whole number (got {text!r})</source>
        <translation>{spec}：{key} 必须是整数（现在是 {text!r}）</translation>
    </message>
    <message>
        <source>{spec}: {missing} missing; a pattern spec needs n, m and k, as in {example}</source>
        <translation>{spec}：缺少 {missing}；模式描述需要 n、m 和 k，例如 {example}</translation>
    </message>
    <message>
        <source>{spec}: {error}</source>
        <translation>{spec}：{error}</translation>
    </message>
    <message>
        <source>{spec} cannot take {height}x{width} images: {where} would leave {rows}x{columns} pixels; use fewer blocks (m), a smaller kernel or larger images</source>
        <translation>{spec} 无法处理 {height}x{width} 的图像：{where}之后只剩 {rows}x{columns} 个像素；请减少块数 (m)、用更小的卷积核，或用更大的图像</translation>
    </message>
    <message>
        <source>block {block}&apos;s conv {conv}</source>
        <translation>第 {block} 块的第 {conv} 个卷积</translation>
    </message>
    <message>
        <source>block {block}&apos;s pool</source>
        <translation>第 {block} 块的池化</translation>
    </message>
    <message>
        <source>{spec} is too large for this machine: {parameters:,} parameters need about {needed} to train, and {available} of memory is available; use a smaller width, kernel or fc, or fewer blocks</source>
        <translation>{spec} 对这台机器来说太大：{parameters:,} 个参数训练时约需 {needed}，而可用内存只有 {available}；请减小通道数、卷积核或全连接单元数，或减少块数</translation>
    </message>
    <message>
        <source>epochs must be at least 1 (got {epochs})</source>
        <translation>轮数至少为 1（现在是 {epochs}）</translation>
    </message>
    <message>
        <source>batch size must be at least 1 (got {batch_size})</source>
        <translation>批大小至少为 1（现在是 {batch_size}）</translation>
    </message>
    <message>
        <source>learning rate must be a positive number (got {lr})</source>
        <translation>学习率必须是正数（现在是 {lr}）</translation>
    </message>
    <message>
        <source>weight decay must not be negative ({weight_decay})</source>
        <translation>权重衰减不能为负（{weight_decay}）</translation>
    </message>
    <message>
        <source>eval-every must not be negative (got {eval_every})</source>
        <translation>eval-every 不能为负（现在是 {eval_every}）</translation>
    </message>
    <message>
        <source>eval subset must be at least 1 (got {eval_subset})</source>
        <translation>评估子集至少为 1（现在是 {eval_subset}）</translation>
    </message>
    <message>
        <source>image size must be at least 4 pixels (got {image_size})</source>
        <translation>图像尺寸至少为 4 个像素（现在是 {image_size}）</translation>
    </message>
    <message>
        <source>threads must be 0 (adapt to the machine&apos;s load) or more (got {threads})</source>
        <translation>线程数必须为 0（随机器负载自动调整）或更多（现在是 {threads}）</translation>
    </message>
    <message>
        <source>give either --resume (continue a run exactly) or --init-from (a new run from its weights), not both</source>
        <translation>--resume（原样继续一次运行）和 --init-from（从它的权重开始新的运行）只能给一个，不能同时给</translation>
    </message>
    <message>
        <source>unknown optimiser {optimizer!r}: choose one of {choices}</source>
        <translation>未知的优化器 {optimizer!r}：请从 {choices} 中选一个</translation>
    </message>
    <message>
        <source>unknown precision {precision!r}: choose one of {choices}</source>
        <translation>未知的精度 {precision!r}：请从 {choices} 中选一个</translation>
    </message>
    <message>
        <source>unknown schedule {schedule!r}: choose one of {choices}</source>
        <translation>未知的学习率调度 {schedule!r}：请从 {choices} 中选一个</translation>
    </message>
    <message>
        <source>unknown augmentation {augment!r}: choose auto or one of {choices}</source>
        <translation>未知的数据增强 {augment!r}：请选 auto，或从 {choices} 中选一个</translation>
    </message>
    <message>
        <source>{path}: cannot continue that run exactly, since these settings differ: {differences}. To train on from its weights with these settings, start a new run with --init-from {path}</source>
        <translation>{path}：无法原样继续那次运行，因为这些设置不同：{differences}。要用这些设置从它的权重接着训练，请用 --init-from {path} 开始新的运行</translation>
    </message>
    <message>
        <source>{listed}; {item}</source>
        <translation>{listed}；{item}</translation>
    </message>
    <message>
        <source>{source}: the code of {name} changed since it was trusted (SHA-256 now {now}..., trusted {trusted}...); open it again to review and trust it</source>
        <translation>{source}：{name} 的代码在信任之后改过了（SHA-256 现在是 {now}...，信任时是 {trusted}...）；请重新打开，审阅后再信任</translation>
    </message>
    <message>
        <source>{path}: was trained on {dataset} ({classes} classes), not on {data}</source>
        <translation>{path}：是在 {dataset}（{classes} 个类别）上训练的，不是在 {data} 上</translation>
    </message>
    <message>
        <source>{path}: its optimiser state does not fit: {error}</source>
        <translation>{path}：它的优化器状态不匹配：{error}</translation>
    </message>
    <message>
        <source>{path} is not a folder</source>
        <translation>{path} 不是文件夹</translation>
    </message>
    <message>
        <source>{path} holds no run (no config.json, metrics.jsonl or checkpoint.pt, in it or in a folder inside it)</source>
        <translation>{path} 里没有训练记录（它本身和其中的文件夹里都没有 config.json、metrics.jsonl 或检查点 checkpoint.pt）</translation>
    </message>
    <message>
        <source>{path} holds no run</source>
        <translation>{path} 里没有训练记录</translation>
    </message>
    <message>
        <source>{name} is still running; rename it once it has ended</source>
        <translation>{name} 仍在运行；请等它结束后再重命名</translation>
    </message>
    <message>
        <source>{name!r} is not a folder name</source>
        <translation>{name!r} 不是文件夹名</translation>
    </message>
    <message>
        <source>{path} already exists</source>
        <translation>{path} 已经存在</translation>
    </message>
</context>
<context>
    <name>Estimate</name>
    <message>
        <source>the test images of {dataset}</source>
        <translation>{dataset} 的测试图像</translation>
    </message>
    <message>
        <source>the {count} test images of {dataset}</source>
        <translation>{dataset} 的 {count} 张测试图像</translation>
    </message>
    <message>
        <source>under a second</source>
        <translation>不到一秒</translation>
    </message>
    <message>
        <source>about {seconds} s</source>
        <translation>约 {seconds} 秒</translation>
    </message>
    <message>
        <source>about {minutes} min</source>
        <translation>约 {minutes} 分钟</translation>
    </message>
    <message>
        <source>up to {duration} (at a conservative {ms} ms an image; the next estimate uses the speed measured)</source>
        <translation>最多{duration}（按保守的每张图像 {ms} 毫秒估算；下次估算将使用实测速度）</translation>
    </message>
    <message>
        <source>up to {duration} (at a conservative {ms} ms a point; the next estimate uses the speed measured)</source>
        <translation>最多{duration}（按保守的每个点 {ms} 毫秒估算；下次估算将使用实测速度）</translation>
    </message>
    <message>
        <source>{duration} (at the speed measured on its last run here)</source>
        <translation>{duration}（按上次在此运行时实测的速度）</translation>
    </message>
</context>
<context>
    <name>EvaluateTab</name>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Evaluate the current model on the test set</source>
        <translation>在测试集上评估当前模型</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Evaluate the current model on its test set.</source>
        <translation>在当前模型的测试集上评估它。</translation>
    </message>
    <message>
        <source>row-normalised %</source>
        <translation>按行归一化 (%)</translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation>导出 CSV...</translation>
    </message>
    <message>
        <source>Export PNG...</source>
        <translation>导出 PNG...</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <source>Blue: right, darker the more of its row. Red: mistakes, on a log scale, so that a single one shows.</source>
        <translation>蓝色：分类正确，占该行比例越高颜色越深。红色：分类错误，采用对数刻度，即使只错一次也看得见。</translation>
    </message>
    <message>
        <source>Accuracy per class (%)</source>
        <translation>各类别准确率 (%)</translation>
    </message>
    <message>
        <source>Click a cell to see its images</source>
        <translation>点击一个格子，查看其中的图像</translation>
    </message>
    <message>
        <source>How long it takes is estimated once the test set has loaded.</source>
        <translation>测试集加载完成后会估算所需时间。</translation>
    </message>
    <message>
        <source>It takes {estimate}.</source>
        <translation>所需时间：{estimate}。</translation>
    </message>
    <message>
        <source>&lt;h3&gt;What Evaluate shows&lt;/h3&gt;&lt;p&gt;Press &lt;b&gt;Evaluate&lt;/b&gt; to run {model} over {images}, and see:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;the &lt;b&gt;confusion matrix&lt;/b&gt;: for each true class (a row), how often it was predicted as each class (a column). The diagonal is right; every other cell is a mistake;&lt;/li&gt;&lt;li&gt;the &lt;b&gt;accuracy&lt;/b&gt; of each class;&lt;/li&gt;&lt;li&gt;the images in any cell of the matrix, the most confidently wrong first: click one to see in Inspect where the network looked.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;{how_long}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;评估页显示什么&lt;/h3&gt;&lt;p&gt;按 &lt;b&gt;评估&lt;/b&gt;，用 {model} 处理 {images}，你将看到：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;混淆矩阵&lt;/b&gt;：每个真实类别（一行）被预测为各个类别（一列）的次数。对角线上是分类正确的，其余每个格子都是分类错误；&lt;/li&gt;&lt;li&gt;每个类别的&lt;b&gt;准确率&lt;/b&gt;；&lt;/li&gt;&lt;li&gt;矩阵中任意一个格子里的图像，最有把握却分错的排在最前：点击一张，在检查页中查看网络关注了哪里。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;{how_long}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>evaluating {model}...</source>
        <translation>正在评估 {model}...</translation>
    </message>
    <message>
        <source>Evaluation cancelled.</source>
        <translation>评估已取消。</translation>
    </message>
    <message>
        <source>Evaluation cancelled: the model changed.</source>
        <translation>评估已取消：模型已更换。</translation>
    </message>
    <message>
        <source>Cannot evaluate: {error}</source>
        <translation>无法评估：{error}</translation>
    </message>
    <message>
        <source>{model}: test accuracy {accuracy} ({count} images)</source>
        <translation>{model}：测试准确率 {accuracy}（{count} 张图像）</translation>
    </message>
    <message>
        <source>All mistakes, most confidently wrong first</source>
        <translation>所有分类错误，最有把握却分错的排在最前</translation>
    </message>
    <message numerus="yes">
        <source>True {truth}, predicted {guess}: %n image(s) (correct)</source>
        <translation>
            <numerusform>真实 {truth}，预测 {guess}：%n 张图像（正确）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>True {truth}, predicted {guess}: %n image(s) (mistaken)</source>
        <translation>
            <numerusform>真实 {truth}，预测 {guess}：%n 张图像（错误）</numerusform>
        </translation>
    </message>
    <message>
        <source>test image {index}: true {truth}, predicted {guess}</source>
        <translation>测试图像 {index}：真实 {truth}，预测 {guess}</translation>
    </message>
    <message>
        <source>{title} (first {shown} shown)</source>
        <translation>{title}（显示前 {shown} 张）</translation>
    </message>
    <message>
        <source>Export confusion matrix</source>
        <translation>导出混淆矩阵</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
</context>
<context>
    <name>ExplainPanel</name>
    <message>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <source>gradient saliency</source>
        <translation>梯度显著图</translation>
    </message>
    <message>
        <source>integrated gradients</source>
        <translation>积分梯度</translation>
    </message>
    <message>
        <source>occlusion</source>
        <translation>遮挡</translation>
    </message>
    <message>
        <source>guided Grad-CAM</source>
        <translation>引导式 Grad-CAM</translation>
    </message>
    <message>
        <source>SmoothGrad</source>
        <translation>SmoothGrad</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>share of the map&apos;s peak</source>
        <translation>占图中最大值的比例</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>Cannot explain this input: {error}</source>
        <translation>无法解释这个输入：{error}</translation>
    </message>
    <message>
        <source>{method} of {layer} for class {name} (probability {probability}).</source>
        <translation>{layer} 的 {method}，类别 {name}（概率 {probability}）。</translation>
    </message>
    <message>
        <source>{method} for class {name} (probability {probability}).</source>
        <translation>{method}，类别 {name}（概率 {probability}）。</translation>
    </message>
</context>
<context>
    <name>FcNetDemo</name>
    <message>
        <source>hidden layer {index}</source>
        <translation>隐藏层 {index}</translation>
    </message>
    <message>
        <source>input layer (not counted)</source>
        <translation>输入层（不计数）</translation>
    </message>
    <message>
        <source>output layer</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>The tutorial&apos;s two nets: units per layer, the input first</source>
        <translation>教程里的两个网络：各层的单元数，从输入层起</translation>
    </message>
    <message>
        <source>Input x{i}</source>
        <translation>输入 x{i}</translation>
    </message>
    <message>
        <source>New weights</source>
        <translation>换一组权重</translation>
    </message>
    <message>
        <source>Draw new random weights and biases</source>
        <translation>重新随机生成权重和偏置</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>x{i}</source>
        <translation>x{i}</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Now take an image.&lt;/b&gt; A {side}x{side} image is {pixels} inputs. A hidden layer of {pixels} units, each connected to every pixel, needs {pixels} x {pixels} = {weights} (10&lt;sup&gt;12&lt;/sup&gt;) weights: far too many to learn, or even to store. Convolutions avoid that: each unit sees a small patch, and all units share the same weights.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;换成图像试试。&lt;/b&gt;一张 {side}x{side} 的图像有 {pixels} 个输入。一个 {pixels} 个单元的隐藏层，每个单元都连到每个像素，就要 {pixels} x {pixels} = {weights}（10&lt;sup&gt;12&lt;/sup&gt;）个权重：多到根本学不动，连存都存不下。卷积绕开了这个难题：每个单元只看一小块，而且所有单元共用同一组权重。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Local connectivity and weight sharing →</source>
        <translation>局部连接与参数共享 →</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Layers of neurons&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Neurons are arranged in layers, and the signal flows one way, from the inputs to the output. In a &lt;b&gt;fully connected&lt;/b&gt; layer every unit takes every value of the layer before as an input. Units within one layer are not connected to each other.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Counting layers.&lt;/b&gt; The input layer only holds the data: it computes nothing and has no weights, so it is not counted. The 3-4-2 net is a 2-layer neural network (one hidden layer and the output layer); 3-4-4-1 is a 3-layer one.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Counting parameters.&lt;/b&gt; Every connection is a weight, and every unit of a counted layer has a bias: 3-4-2 has 3×4 + 4×2 = 20 weights and 4 + 2 = 6 biases, 26 learnable parameters.&lt;/p&gt;&lt;p&gt;The hidden units here use the sigmoid. The output layer has no activation: its values are scores, one per class.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;一层一层的神经元&lt;/b&gt;&lt;/p&gt;&lt;p&gt;神经元按层排列，信号只朝一个方向走：从输入走到输出。&lt;b&gt;全连接&lt;/b&gt;层里，每个单元都把前一层的所有值当作输入；同一层的单元之间互不相连。&lt;/p&gt;&lt;p&gt;&lt;b&gt;层数怎么数。&lt;/b&gt;输入层只是放数据的地方：不做计算，也没有权重，所以不算在层数里。3-4-2 是 2 层神经网络（一个隐藏层加一个输出层）；3-4-4-1 是 3 层。&lt;/p&gt;&lt;p&gt;&lt;b&gt;参数怎么数。&lt;/b&gt;每条连线是一个权重，被计数的层里每个单元各有一个偏置：3-4-2 有 3×4 + 4×2 = 20 个权重、4 + 2 = 6 个偏置，共 26 个可学习的参数。&lt;/p&gt;&lt;p&gt;这里的隐藏单元用 sigmoid；输出层不加激活函数，它给出的是得分，每个类别一个。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <source>A %n-layer neural network (units per layer: {sizes}, the last being the output layer); the input layer is not counted. {neurons} neurons, {weights} = {weight_count} weights and {neurons} biases: {parameters} learnable parameters. Red lines are positive weights, blue negative, thicker for larger.</source>
        <translation>
            <numerusform>%n 层神经网络（各层单元数：{sizes}，最后一层是输出层）；输入层不计入层数。共 {neurons} 个神经元，{weights} = {weight_count} 个权重和 {neurons} 个偏置：{parameters} 个可学习的参数。红线是正权重，蓝线是负权重，绝对值越大线越粗。</numerusform>
        </translation>
    </message>
    <message>
        <source>W{layer}·h + b{layer}, no activation (scores)</source>
        <translation>W{layer}·h + b{layer}，不加激活（得分）</translation>
    </message>
    <message>
        <source>{name}: {formula} = [{values}]</source>
        <translation>{name}：{formula} = [{values}]</translation>
    </message>
    <message>
        <source>Forward pass: {layers}.</source>
        <translation>前向传播：{layers}。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>FeatureMapsPanel</name>
    <message>
        <source>scale each map</source>
        <translation>每张图单独缩放</translation>
    </message>
    <message>
        <source>scale the layer together</source>
        <translation>整层统一缩放</translation>
    </message>
    <message>
        <source>sort by mean activation</source>
        <translation>按平均激活排序</translation>
    </message>
    <message>
        <source>page </source>
        <translation>第 </translation>
    </message>
    <message>
        <source>Export PNG...</source>
        <translation>导出 PNG...</translation>
    </message>
    <message>
        <source>Export .npy...</source>
        <translation>导出 .npy...</translation>
    </message>
    <message>
        <source>overlay on the input</source>
        <translation>叠加在输入上</translation>
    </message>
    <message>
        <source>effective receptive field</source>
        <translation>有效感受野</translation>
    </message>
    <message>
        <source>Beside the outline, the gradient of the unit under the mouse with respect to the input: the pixels that really move it (Luo et al., 2016). It fills much less than the theoretical square.</source>
        <translation>在方框旁边显示鼠标下这个单元对输入的梯度：真正能改变它的那些像素（Luo 等，2016）。它远远填不满理论上的方框。</translation>
    </message>
    <message>
        <source>click a map to enlarge it; hover over it to see a unit&apos;s receptive field</source>
        <translation>点击一张图将其放大；鼠标悬停在上面可查看一个单元的感受野</translation>
    </message>
    <message>
        <source>{layer}: no output for this input</source>
        <translation>{layer}：这个输入在该层没有输出</translation>
    </message>
    <message>
        <source>{layer}: the timelapse recorded no maps of it (it has {layers})</source>
        <translation>{layer}：延时记录里没有这一层的图（只有 {layers}）</translation>
    </message>
    <message>
        <source>{shown} of {count} shown, {dead} dead (x)</source>
        <translation>显示 {count} 张中的 {shown} 张，{dead} 张失活（x）</translation>
    </message>
    <message>
        <source>{shown} of {count} shown</source>
        <translation>显示 {count} 张中的 {shown} 张</translation>
    </message>
    <message>
        <source>{layer}: {count} class scores (logits); highest: {name} ({value})</source>
        <translation>{layer}：{count} 个类别得分（logits）；最高：{name}（{value}）</translation>
    </message>
    <message>
        <source>{layer}: {count} outputs; highest: {name} ({value})</source>
        <translation>{layer}：{count} 个输出；最高：{name}（{value}）</translation>
    </message>
    <message>
        <source>{count} outputs</source>
        <translation>{count} 个输出</translation>
    </message>
    <message>
        <source>{layer}, channel {channel}: min {low}, max {high}</source>
        <translation>{layer}，通道 {channel}：最小 {low}，最大 {high}</translation>
    </message>
    <message>
        <source>{layer}, channel {channel} (test image 0, step {step}): min {low}, max {high}</source>
        <translation>{layer}，通道 {channel}（测试图像 0，第 {step} 步）：最小 {low}，最大 {high}</translation>
    </message>
    <message>
        <source>{layer}, channel {channel}: x {x}, y {y}, value {value}</source>
        <translation>{layer}，通道 {channel}：x {x}，y {y}，值 {value}</translation>
    </message>
    <message>
        <source>{reading}; receptive field: the whole input</source>
        <translation>{reading}；感受野：整个输入</translation>
    </message>
    <message>
        <source>{reading}; receptive field: {size} pixels from ({x}, {y})</source>
        <translation>{reading}；感受野：从 ({x}, {y}) 起 {size} 像素</translation>
    </message>
    <message>
        <source>{reading}; effective field: none, the unit is off for this input, so no pixel moves it</source>
        <translation>{reading}；有效感受野：无，这个单元对该输入不激活，没有像素能改变它</translation>
    </message>
    <message>
        <source>Export feature maps</source>
        <translation>导出特征图</translation>
    </message>
    <message>
        <source>PNG (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>cannot write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <source>Export activations</source>
        <translation>导出激活值</translation>
    </message>
    <message>
        <source>NumPy (*.npy)</source>
        <translation>NumPy 数组 (*.npy)</translation>
    </message>
</context>
<context>
    <name>FeatureVisPanel</name>
    <message>
        <source>What excites this channel</source>
        <translation>这个通道响应什么</translation>
    </message>
    <message>
        <source>Visualise</source>
        <translation>可视化</translation>
    </message>
    <message>
        <source>the channel&apos;s mean</source>
        <translation>整个通道的平均值</translation>
    </message>
    <message>
        <source>its centre unit</source>
        <translation>它的中心单元</translation>
    </message>
    <message>
        <source>Cannot visualise {layer}: {error}</source>
        <translation>无法可视化 {layer}：{error}</translation>
    </message>
    <message>
        <source>Optimising an input for {layer}, channel {channel}...</source>
        <translation>正在为 {layer} 的通道 {channel} 优化一个输入...</translation>
    </message>
    <message>
        <source>Optimise an input to excite {layer}, channel {channel}: what it responds to.</source>
        <translation>优化一个输入，让 {layer} 的通道 {channel} 最强烈地响应：看它对什么敏感。</translation>
    </message>
    <message>
        <source>a layer</source>
        <translation>某一层</translation>
    </message>
    <message>
        <source>{layer}, channel {channel}: {value} for this image. Weights: {label}.</source>
        <translation>{layer}，通道 {channel}：这张图像得到 {value}。权重：{label}。</translation>
    </message>
    <message>
        <source>{layer}, channel {channel}: {value} for this image; the best test image (#{index}) reaches {best}. Weights: {label}.</source>
        <translation>{layer}，通道 {channel}：这张图像得到 {value}；最好的测试图像（#{index}）达到 {best}。权重：{label}。</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>run {run}, best</source>
        <translation>运行 {run}，最佳</translation>
    </message>
    <message>
        <source>run {run}</source>
        <translation>运行 {run}</translation>
    </message>
    <message>
        <source>{where}: {model}</source>
        <translation>{where}：{model}</translation>
    </message>
    <message>
        <source>{where}: {model}, {accuracy}</source>
        <translation>{where}：{model}，{accuracy}</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Cannot open run</source>
        <translation>无法打开运行</translation>
    </message>
    <message>
        <source>{run} is drawn over the run that trains now</source>
        <translation>{run} 叠加显示在正在训练的运行上</translation>
    </message>
    <message>
        <source>showing {run}</source>
        <translation>正在显示 {run}</translation>
    </message>
    <message>
        <source>Open checkpoint</source>
        <translation>打开检查点</translation>
    </message>
    <message>
        <source>Checkpoints (*.pt *.pth);;All files (*)</source>
        <translation>检查点 (*.pt *.pth);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open checkpoint</source>
        <translation>无法打开检查点</translation>
    </message>
    <message>
        <source>opened {weights}</source>
        <translation>已打开 {weights}</translation>
    </message>
    <message>
        <source>Nothing to save</source>
        <translation>没有可保存的内容</translation>
    </message>
    <message>
        <source>Train a model or open a checkpoint first.</source>
        <translation>请先训练一个模型，或打开一个检查点。</translation>
    </message>
    <message>
        <source>Save checkpoint as</source>
        <translation>另存检查点</translation>
    </message>
    <message>
        <source>Checkpoints (*.pt)</source>
        <translation>检查点 (*.pt)</translation>
    </message>
    <message>
        <source>Cannot save checkpoint</source>
        <translation>无法保存检查点</translation>
    </message>
    <message>
        <source>saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Export model</source>
        <translation>导出模型</translation>
    </message>
    <message>
        <source>exporting {weights} to {path}...</source>
        <translation>正在把 {weights} 导出到 {path}……</translation>
    </message>
    <message>
        <source>wrote {path}</source>
        <translation>已写入 {path}</translation>
    </message>
    <message>
        <source>Cannot export model</source>
        <translation>无法导出模型</translation>
    </message>
    <message>
        <source>Export metrics</source>
        <translation>导出指标</translation>
    </message>
    <message>
        <source>Cannot export metrics</source>
        <translation>无法导出指标</translation>
    </message>
    <message>
        <source>Export plots</source>
        <translation>导出曲线图</translation>
    </message>
    <message>
        <source>Cannot export plots</source>
        <translation>无法导出曲线图</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>data folder: {path}</source>
        <translation>数据文件夹：{path}</translation>
    </message>
</context>
<context>
    <name>FiltersPanel</name>
    <message>
        <source>every kernel (output x input)</source>
        <translation>每个卷积核（输出 × 输入）</translation>
    </message>
    <message>
        <source>averaged over inputs</source>
        <translation>对输入取平均</translation>
    </message>
    <message>
        <source>page </source>
        <translation>第 </translation>
    </message>
    <message>
        <source>weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Click a kernel for its weights</source>
        <translation>点击一个卷积核查看它的权重</translation>
    </message>
    <message>
        <source>{layer}: {count} filters, shown in colour</source>
        <translation>{layer}：{count} 个滤波器，以彩色显示</translation>
    </message>
    <message>
        <source>{layer}: {count} filters</source>
        <translation>{layer}：{count} 个滤波器</translation>
    </message>
    <message>
        <source>{layer}: {count} filters averaged over their inputs</source>
        <translation>{layer}：{count} 个滤波器，对各自的输入取平均</translation>
    </message>
    <message>
        <source>{layer}: outputs {first}-{last} of {outputs} (rows) x {columns} of {inputs} inputs (columns)</source>
        <translation>{layer}：{outputs} 个输出中的第 {first}-{last} 个（行）× {inputs} 个输入中的 {columns} 个（列）</translation>
    </message>
    <message>
        <source>, recorded at step {step}</source>
        <translation>，记录于第 {step} 步</translation>
    </message>
    <message>
        <source> (the timelapse keeps the first conv layer&apos;s kernels only: these are the weights shown)</source>
        <translation>（延时记录只保存第一个卷积层的卷积核：这里显示的是当前权重）</translation>
    </message>
    <message>
        <source>weights of {layer}</source>
        <translation>{layer} 的权重</translation>
    </message>
    <message>
        <source>output {output}, input {input}</source>
        <translation>输出 {output}，输入 {input}</translation>
    </message>
    <message>
        <source>filter {index}, mean over inputs</source>
        <translation>滤波器 {index}，对输入取平均</translation>
    </message>
    <message>
        <source>filter {index} (mean of R, G, B)</source>
        <translation>滤波器 {index}（R、G、B 的平均）</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>&lt;h3&gt;What cnnviz shows&lt;/h3&gt;
&lt;p&gt;&lt;b&gt;Draw&lt;/b&gt;: draw a digit and watch the network read it as you draw; it works offline with
the weights cnnviz ships. &lt;a href=&quot;{draw}&quot;&gt;more&lt;/a&gt; &lt;b&gt;Training&lt;/b&gt;: press &lt;b&gt;Train&lt;/b&gt; (Ctrl+R)
and watch the loss and accuracy stream in. &lt;a href=&quot;{train}&quot;&gt;more&lt;/a&gt; &lt;b&gt;Runs&lt;/b&gt;: every run is
a folder; tick runs to draw them over each other and compare their settings.
&lt;a href=&quot;{runs}&quot;&gt;more&lt;/a&gt; &lt;b&gt;Inspect&lt;/b&gt;: the layers of the model, their output sizes and
receptive fields, every channel&apos;s feature map for an input, the filters, and where the network
looked (Explain). &lt;a href=&quot;{inspect}&quot;&gt;more&lt;/a&gt; &lt;b&gt;Evaluate&lt;/b&gt;: the confusion matrix and the
mistakes, most confidently wrong first. &lt;a href=&quot;{evaluate}&quot;&gt;more&lt;/a&gt; &lt;b&gt;Learn&lt;/b&gt;: the
tutorial&apos;s ideas as live demos: a neuron, small fully connected nets, a convolution step by
step, pooling, weight sharing, and its architecture pattern as a model to build and train.
&lt;a href=&quot;{learn}&quot;&gt;more&lt;/a&gt;&lt;/p&gt;
&lt;h3&gt;What to try first&lt;/h3&gt;
&lt;ol&gt;
&lt;li&gt;Draw a 7, then a 1 that looks like a 7: what does the network say?&lt;/li&gt;
&lt;li&gt;Press Train: the tutorial&apos;s CNN on MNIST, one epoch.&lt;/li&gt;
&lt;li&gt;Open Inspect while it trains, and watch the first layer&apos;s filters change.&lt;/li&gt;
&lt;li&gt;Choose lenet5 or tinyvgg, train them too, and compare the runs in Runs.&lt;/li&gt;
&lt;li&gt;In Learn, step through a convolution, then change the stride until the filter no longer
tiles the input evenly: see which rows and columns PyTorch drops.&lt;/li&gt;
&lt;/ol&gt;
&lt;p&gt;Everything else is in the documentation (Help &amp;gt; Documentation):
&lt;a href=&quot;{start}&quot;&gt;the first five minutes&lt;/a&gt;, a page per tab, the command line,
and &lt;a href=&quot;{offline}&quot;&gt;working offline&lt;/a&gt;.&lt;/p&gt;
</source>
        <translation>&lt;h3&gt;cnnviz 能让你看到什么&lt;/h3&gt;
&lt;p&gt;&lt;b&gt;手写&lt;/b&gt;：写一个数字，边写边看网络怎样认它；用 cnnviz 自带的权重，不联网也能用。&lt;a href=&quot;{draw}&quot;&gt;详情&lt;/a&gt;
&lt;b&gt;训练&lt;/b&gt;：按下&lt;b&gt;训练&lt;/b&gt;（Ctrl+R），看损失和准确率随训练实时更新。&lt;a href=&quot;{train}&quot;&gt;详情&lt;/a&gt;
&lt;b&gt;训练记录&lt;/b&gt;：每次运行都是一个文件夹；勾选几次运行，就能把它们的曲线叠在一起画，并比较它们的设置。&lt;a href=&quot;{runs}&quot;&gt;详情&lt;/a&gt;
&lt;b&gt;检查&lt;/b&gt;：模型的各层，每层的输出尺寸和感受野，一个输入在每个通道上的特征图，滤波器，以及网络看的是哪里（解释）。&lt;a href=&quot;{inspect}&quot;&gt;详情&lt;/a&gt;
&lt;b&gt;评估&lt;/b&gt;：混淆矩阵和分错的图像，错得最&quot;自信&quot;的排在最前。&lt;a href=&quot;{evaluate}&quot;&gt;详情&lt;/a&gt;
&lt;b&gt;学习&lt;/b&gt;：把教程里的概念做成能动手操作的演示：一个神经元、小型全连接网络、一步一步进行的卷积、池化、参数共享，还有教程的结构模式，可以照着它搭建并训练一个模型。&lt;a href=&quot;{learn}&quot;&gt;详情&lt;/a&gt;&lt;/p&gt;
&lt;h3&gt;先试试这些&lt;/h3&gt;
&lt;ol&gt;
&lt;li&gt;写一个 7，再写一个很像 7 的 1：网络会怎么说？&lt;/li&gt;
&lt;li&gt;按下&quot;训练&quot;：教程里的 CNN 在 MNIST 上训练一轮。&lt;/li&gt;
&lt;li&gt;训练时打开&quot;检查&quot;，看第一层的滤波器怎样变化。&lt;/li&gt;
&lt;li&gt;选 lenet5 或 tinyvgg，也训练它们，然后在&quot;训练记录&quot;里比较这几次运行。&lt;/li&gt;
&lt;li&gt;在&quot;学习&quot;里一步一步地做一次卷积，再改变步长，直到滤波器不能正好铺满输入：看看 PyTorch 丢掉了哪几行、哪几列。&lt;/li&gt;
&lt;/ol&gt;
&lt;p&gt;其余内容都在文档里（帮助 &amp;gt; 文档）：&lt;a href=&quot;{start}&quot;&gt;最初的五分钟&lt;/a&gt;、每个标签页各一页、命令行，以及&lt;a href=&quot;{offline}&quot;&gt;离线使用&lt;/a&gt;。&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>Welcome to cnnviz</source>
        <translation>欢迎使用 cnnviz</translation>
    </message>
    <message>
        <source>Show this guide when cnnviz starts</source>
        <translation>启动 cnnviz 时显示这份指南</translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <source>opened the documentation: {url}</source>
        <translation>已打开文档：{url}</translation>
    </message>
    <message>
        <source>could not open a browser; the documentation is at {url}</source>
        <translation>无法打开浏览器；文档在 {url}</translation>
    </message>
    <message>
        <source>About cnnviz</source>
        <translation>关于 cnnviz</translation>
    </message>
    <message>
        <source>cnnviz {version}: see how convolutional networks learn.</source>
        <translation>cnnviz {version}：看卷积网络如何学习。</translation>
    </message>
</context>
<context>
    <name>HistogramsTab</name>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>No run yet: train one, or show one from the Runs tab.</source>
        <translation>还没有运行：训练一个，或从“训练记录”标签页显示一个。</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Values over training (colour: share of the layer&apos;s values)</source>
        <translation>训练过程中的数值分布（颜色：该层数值所占比例）</translation>
    </message>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Gradient norm per layer (log10), the first layer on top</source>
        <translation>每层的梯度范数（log10），第一层在最上面</translation>
    </message>
    <message>
        <source>log10 norm</source>
        <translation>log10 范数</translation>
    </message>
    <message>
        <source>{run}: no snapshot yet</source>
        <translation>{run}：还没有快照</translation>
    </message>
    <message numerus="yes">
        <source>{run}: %n snapshot(s), step {first} to {last}</source>
        <translation>
            <numerusform>{run}：%n 个快照，第 {first} 步到第 {last} 步</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Hover</name>
    <message>
        <source>class {name}: probability {probability}</source>
        <translation>类别 {name}：概率 {probability}</translation>
    </message>
    <message>
        <source>fed most by:</source>
        <translation>输入最多来自：</translation>
    </message>
    <message>
        <source>{column} map {channel}</source>
        <translation>{column} 特征图 {channel}</translation>
    </message>
    <message>
        <source>{column} unit {channel}</source>
        <translation>{column} 单元 {channel}</translation>
    </message>
    <message>
        <source>{feed} (|w| {weight})</source>
        <translation>{feed}（|w| {weight}）</translation>
    </message>
    <message>
        <source>input pixel ({row}, {col})</source>
        <translation>输入像素 ({row}, {col})</translation>
    </message>
    <message>
        <source>{title} ({name}), unit {channel}: {value}</source>
        <translation>{title}（{name}），单元 {channel}：{value}</translation>
    </message>
    <message>
        <source>{title} ({name}), map {channel}: {value} at ({row}, {col})
the map runs {low} to {high}</source>
        <translation>{title}（{name}），特征图 {channel}：({row}, {col}) 处为 {value}
这张特征图的取值从 {low} 到 {high}</translation>
    </message>
</context>
<context>
    <name>InputPicker</name>
    <message>
        <source>Index in the test set (—: the input shown is not one)</source>
        <translation>在测试集中的序号（—：显示的输入不是测试集中的图像）</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Next misclassified</source>
        <translation>下一个分错的</translation>
    </message>
    <message>
        <source>Open image...</source>
        <translation>打开图像...</translation>
    </message>
    <message>
        <source>Test image</source>
        <translation>测试图像</translation>
    </message>
</context>
<context>
    <name>InspectTab</name>
    <message>
        <source>Feature maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>滤波器</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>结构</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>解释</translation>
    </message>
    <message>
        <source>The run&apos;s first-layer kernels (Filters) or the selected layer&apos;s feature maps (Feature maps) over training, as a GIF or MP4</source>
        <translation>把这次训练中第一层的卷积核（滤波器页）或所选层的特征图（特征图页）随训练的变化导出为 GIF 或 MP4</translation>
    </message>
    <message>
        <source>this run (live)</source>
        <translation>本次训练（实时）</translation>
    </message>
    <message>
        <source>this run, step {step} (live)</source>
        <translation>本次训练，第 {step} 步（实时）</translation>
    </message>
    <message>
        <source>this run, step {step}</source>
        <translation>本次训练，第 {step} 步</translation>
    </message>
    <message>
        <source>no test set: open an image instead</source>
        <translation>没有测试集：请改为打开一张图像</translation>
    </message>
    <message>
        <source>loading the {dataset} test set...</source>
        <translation>正在加载 {dataset} 测试集...</translation>
    </message>
    <message>
        <source>Inspect: {error}</source>
        <translation>检查：{error}</translation>
    </message>
    <message>
        <source>Inspect: no misclassified image after this one</source>
        <translation>检查：这张之后没有分错的图像</translation>
    </message>
    <message>
        <source>Inspect: cannot search for a mistake: {error}</source>
        <translation>检查：无法查找分错的图像：{error}</translation>
    </message>
    <message>
        <source>Open an image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp);;All files (*)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp);;所有文件 (*)</translation>
    </message>
    <message>
        <source>predicted {predicted} ({probability})</source>
        <translation>预测为 {predicted}（{probability}）</translation>
    </message>
    <message>
        <source>label {label}, predicted {predicted} ({probability})</source>
        <translation>标签 {label}，预测为 {predicted}（{probability}）</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>{layer}, channel {channel}: choose the layer in the tree, and the channel on Feature maps or with the Left and Right keys</source>
        <translation>{layer}，通道 {channel}：在左侧树中选择层，在“特征图”页或用 Left、Right 键选择通道</translation>
    </message>
</context>
<context>
    <name>JobWorker</name>
    <message>
        <source>could not start torchrun ({error}): {command}</source>
        <translation>无法启动 torchrun（{error}）：{command}</translation>
    </message>
    <message>
        <source>starting {count} processes...</source>
        <translation>正在启动 {count} 个进程...</translation>
    </message>
    <message>
        <source>the training job ended without finishing: {output}</source>
        <translation>训练作业没有完成就结束了：{output}</translation>
    </message>
    <message>
        <source>(no output)</source>
        <translation>（没有输出）</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The interface will be in {language} the next time cnnviz starts.</source>
        <translation>下次启动 cnnviz 时，界面将使用{language}。</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>LayerKind</name>
    <message>
        <source>{kind} {size} /{stride}</source>
        <translation>{kind} {size} /{stride}</translation>
    </message>
    <message>
        <source>{kind} {size}</source>
        <translation>{kind} {size}</translation>
    </message>
    <message>
        <source>conv</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>max pool</source>
        <translation>最大池化</translation>
    </message>
    <message>
        <source>avg pool</source>
        <translation>平均池化</translation>
    </message>
    <message>
        <source>global avg pool</source>
        <translation>全局平均池化</translation>
    </message>
    <message>
        <source>global max pool</source>
        <translation>全局最大池化</translation>
    </message>
    <message>
        <source>fully connected</source>
        <translation>全连接</translation>
    </message>
    <message>
        <source>flatten</source>
        <translation>展平</translation>
    </message>
    <message>
        <source>dropout</source>
        <translation>随机失活</translation>
    </message>
    <message>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
</context>
<context>
    <name>LayerTable</name>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Output (CxHxW)</source>
        <translation>输出（C×H×W）</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>RF</source>
        <translation>感受野</translation>
    </message>
    <message>
        <source>Jump</source>
        <translation>间距</translation>
    </message>
    <message>
        <source>Output size</source>
        <translation>输出尺寸</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>LayerTree</name>
    <message>
        <source>output size: {formula}</source>
        <translation>输出尺寸：{formula}</translation>
    </message>
    <message>
        <source>{total} parameters. The convolutions hold {conv}; fully connected layers of the same input and output sizes would need {fc} ({ratio}x): weight sharing.</source>
        <translation>共 {total} 个参数，其中卷积占 {conv} 个；输入和输出尺寸都相同的全连接层需要 {fc} 个（{ratio} 倍）：这就是参数共享。</translation>
    </message>
</context>
<context>
    <name>LearnTab</name>
    <message>
        <source>Neuron</source>
        <translation>神经元</translation>
    </message>
    <message>
        <source>Fully connected</source>
        <translation>全连接</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>池化</translation>
    </message>
    <message>
        <source>Weight sharing</source>
        <translation>参数共享</translation>
    </message>
    <message>
        <source>Build a model</source>
        <translation>搭建模型</translation>
    </message>
</context>
<context>
    <name>LeaveJobBox</name>
    <message>
        <source>Training job running</source>
        <translation>训练任务正在运行</translation>
    </message>
    <message>
        <source>A training job of several processes is running. Leave it running after the window closes, or stop it (it saves a checkpoint)?</source>
        <translation>一个多进程的训练任务正在运行。关闭窗口后让它继续运行，还是停止它（停止时会保存检查点）？</translation>
    </message>
    <message>
        <source>Leave it running</source>
        <translation>让它继续运行</translation>
    </message>
    <message>
        <source>Stop the job</source>
        <translation>停止任务</translation>
    </message>
</context>
<context>
    <name>Loading</name>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>reading the {name} {split} split</source>
        <translation>正在读取 {name} 的{split}集</translation>
    </message>
    <message>
        <source>downloading {name} into {folder}</source>
        <translation>正在把 {name} 下载到 {folder}</translation>
    </message>
    <message>
        <source>downloading {name}</source>
        <translation>正在下载 {name}</translation>
    </message>
    <message>
        <source>images</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>decoding {what} {done}/{total}</source>
        <translation>正在解码{what} {done}/{total}</translation>
    </message>
    <message>
        <source>train images</source>
        <translation>训练图像</translation>
    </message>
    <message>
        <source>test images</source>
        <translation>测试图像</translation>
    </message>
    <message>
        <source>skipped {count} unreadable file(s), e.g. {path}</source>
        <translation>跳过了 {count} 个无法读取的文件，例如 {path}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>R&amp;uns</source>
        <translation>训练记录(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Inspect</source>
        <translation>检查(&amp;I)</translation>
    </message>
    <message>
        <source>Dra&amp;w</source>
        <translation>手写(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Evaluate</source>
        <translation>评估(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Histograms</source>
        <translation>直方图(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Projector</source>
        <translation>投影(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Learn</source>
        <translation>学习(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>总览(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open checkpoint...</source>
        <translation>打开检查点(&amp;O)...</translation>
    </message>
    <message>
        <source>&amp;Save checkpoint as...</source>
        <translation>另存检查点(&amp;S)...</translation>
    </message>
    <message>
        <source>Export m&amp;odel (ONNX)...</source>
        <translation>导出模型 (ONNX)(&amp;O)...</translation>
    </message>
    <message>
        <source>Export &amp;metrics (CSV)...</source>
        <translation>导出指标 (CSV)(&amp;M)...</translation>
    </message>
    <message>
        <source>Export &amp;plots (PNG)...</source>
        <translation>导出曲线图 (PNG)(&amp;P)...</translation>
    </message>
    <message>
        <source>Choose &amp;data folder...</source>
        <translation>选择数据文件夹(&amp;D)...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>演示(&amp;P)</translation>
    </message>
    <message>
        <source>Large text, plots and maps, full screen: for a projector (F11 again to leave)</source>
        <translation>全屏显示放大的文字、曲线和特征图，适合投影仪（再按 F11 退出）</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Pause / resume</source>
        <translation>暂停 / 继续(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>指南(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About cnnviz</source>
        <translation>关于 cnnviz(&amp;A)</translation>
    </message>
    <message>
        <source>The last weights could not be opened again, so the shipped ones are shown: {error}</source>
        <translation>上次的权重无法再次打开，现在显示的是自带的权重：{error}</translation>
    </message>
    <message>
        <source>{model} selected: Train trains it</source>
        <translation>已选择 {model}：按“训练”就会训练它</translation>
    </message>
    <message>
        <source>Cannot start training</source>
        <translation>无法开始训练</translation>
    </message>
    <message>
        <source>copied the torchrun command for these settings</source>
        <translation>已复制这些设置对应的 torchrun 命令</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>训练失败</translation>
    </message>
</context>
<context>
    <name>MissingDataBox</name>
    <message>
        <source>Data set not found</source>
        <translation>找不到数据集</translation>
    </message>
    <message>
        <source>Choose data folder...</source>
        <translation>选择数据文件夹...</translation>
    </message>
</context>
<context>
    <name>ModelSelection</name>
    <message>
        <source>reading {dataset}...</source>
        <translation>正在读取 {dataset}...</translation>
    </message>
    <message>
        <source>cannot read {dataset}: {error}</source>
        <translation>无法读取 {dataset}：{error}</translation>
    </message>
    <message>
        <source>Cannot use this model</source>
        <translation>无法使用这个模型</translation>
    </message>
</context>
<context>
    <name>NeuronDemo</name>
    <message>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>Input x{i}</source>
        <translation>输入 x{i}</translation>
    </message>
    <message>
        <source>The weight w{i} of input x{i}</source>
        <translation>输入 x{i} 的权重 w{i}</translation>
    </message>
    <message>
        <source>input x{i}</source>
        <translation>输入 x{i}</translation>
    </message>
    <message>
        <source>weight w{i}</source>
        <translation>权重 w{i}</translation>
    </message>
    <message>
        <source>The bias b</source>
        <translation>偏置 b</translation>
    </message>
    <message>
        <source>bias b</source>
        <translation>偏置 b</translation>
    </message>
    <message>
        <source>The activation function f</source>
        <translation>激活函数 f</translation>
    </message>
    <message>
        <source>activation f</source>
        <translation>激活函数 f</translation>
    </message>
    <message>
        <source>z = w·x + b, the weighted sum</source>
        <translation>z = w·x + b，加权和</translation>
    </message>
    <message>
        <source>f(z), the output</source>
        <translation>f(z)，输出</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;One neuron&lt;/b&gt;&lt;/p&gt;&lt;p&gt;A neuron does two things. First it weighs its evidence: each input x&lt;sub&gt;i&lt;/sub&gt; times its weight w&lt;sub&gt;i&lt;/sub&gt;, all added up, plus the bias b. That is the inner product z = w·x + b, a single number.&lt;/p&gt;&lt;p&gt;Then it decides how strongly to respond: the activation function f turns z into the output f(z). The tutorial uses the &lt;b&gt;sigmoid&lt;/b&gt;, 1/(1 + e&lt;sup&gt;−z&lt;/sup&gt;), which squashes any z into 0 to 1, like a firing rate. &lt;b&gt;tanh&lt;/b&gt; squashes into −1 to 1. &lt;b&gt;ReLU&lt;/b&gt;, max(0, z), lets a positive z through and gives 0 otherwise; most CNNs use it today, since it is cheap and does not saturate.&lt;/p&gt;&lt;p&gt;Try it: a large weight makes its input count more, a negative weight makes its input argue against firing, and the bias moves the point along the curve whatever the inputs are. Where the sigmoid is flat, a change of z hardly changes the output.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;一个神经元&lt;/b&gt;&lt;/p&gt;&lt;p&gt;神经元做两件事。第一步是掂量证据：每个输入 x&lt;sub&gt;i&lt;/sub&gt; 乘上它的权重 w&lt;sub&gt;i&lt;/sub&gt;，全部加起来，再加上偏置 b，得到内积 z = w·x + b，只是一个数。&lt;/p&gt;&lt;p&gt;第二步是决定反应有多强：激活函数 f 把 z 变成输出 f(z)。教程用的是 &lt;b&gt;sigmoid&lt;/b&gt;，即 1/(1 + e&lt;sup&gt;−z&lt;/sup&gt;)，它把任何 z 都压进 0 到 1 之间，好比神经元的放电频率。&lt;b&gt;tanh&lt;/b&gt; 压进 −1 到 1 之间。&lt;b&gt;ReLU&lt;/b&gt; 即 max(0, z)：z 为正就原样放行，否则输出 0；如今大多数卷积神经网络都用它，算起来便宜，也不会饱和。&lt;/p&gt;&lt;p&gt;动手试试：权重越大，这个输入说话越有分量；权重为负，这个输入就在唱反调；不管输入是多少，偏置都能把那个点沿曲线挪动。sigmoid 平坦的地方，z 变了，输出却几乎不动。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>{sum}&lt;br&gt;output f(z) = {f}({z}) = &lt;b&gt;{output}&lt;/b&gt;</source>
        <translation>{sum}&lt;br&gt;输出 f(z) = {f}({z}) = &lt;b&gt;{output}&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>NotesToggle</name>
    <message>
        <source>Notes</source>
        <translation>讲解</translation>
    </message>
    <message>
        <source>Show or hide the tutorial&apos;s notes beside each demo</source>
        <translation>显示或隐藏每个演示旁的教程讲解</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp);;All files (*)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The test image before</source>
        <translation>上一张测试图像</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一张 ▶</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Use the drawing</source>
        <translation>使用手写图</translation>
    </message>
    <message>
        <source>Read the digit drawn on the Draw tab</source>
        <translation>读取在手写标签页上写的数字</translation>
    </message>
    <message>
        <source>Open image...</source>
        <translation>打开图像...</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Fit the page to the view (drag to pan, wheel to zoom)</source>
        <translation>让整页适应视图（拖动可平移，滚轮可缩放）</translation>
    </message>
    <message>
        <source>PNG...</source>
        <translation>PNG...</translation>
    </message>
    <message>
        <source>SVG...</source>
        <translation>SVG...</translation>
    </message>
    <message>
        <source>Export the view as shown, for slides</source>
        <translation>按当前显示导出视图，可用于幻灯片</translation>
    </message>
    <message>
        <source>Test image</source>
        <translation>测试图像</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>hover a map: what feeds it; click: inspect it (a class: explain it)</source>
        <translation>悬停在特征图上：看它的输入来自哪里；单击：检查它（单击类别：解释它）</translation>
    </message>
    <message>
        <source>Weights: {label}</source>
        <translation>权重：{label}</translation>
    </message>
    <message>
        <source>Weights: this run, step {step} (live)</source>
        <translation>权重：这次运行，第 {step} 步（实时）</translation>
    </message>
    <message>
        <source>no test set: {error}</source>
        <translation>没有测试集：{error}</translation>
    </message>
    <message>
        <source>no test set here: open an image or use a drawing</source>
        <translation>这里没有测试集：请打开一张图像，或使用手写图</translation>
    </message>
    <message>
        <source>Overview: draw a digit on the Draw tab first (digit models only)</source>
        <translation>总览：请先在手写标签页上写一个数字（仅限数字模型）</translation>
    </message>
    <message>
        <source>Open an image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <source>Overview: {error}</source>
        <translation>总览：{error}</translation>
    </message>
    <message>
        <source>predicted {predicted} ({probability})</source>
        <translation>预测为 {predicted}（{probability}）</translation>
    </message>
    <message>
        <source>label {label}, predicted {predicted} ({probability})</source>
        <translation>标签 {label}，预测为 {predicted}（{probability}）</translation>
    </message>
    <message>
        <source>test image {index}: label {label}, predicted {predicted} ({probability})</source>
        <translation>测试图像 {index}：标签 {label}，预测为 {predicted}（{probability}）</translation>
    </message>
    <message>
        <source>Export the overview</source>
        <translation>导出总览</translation>
    </message>
    <message>
        <source>wrote {path}</source>
        <translation>已写入 {path}</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>the image</source>
        <translation>图像本身</translation>
    </message>
    <message>
        <source>RF {field}</source>
        <translation>感受野 {field}</translation>
    </message>
    <message>
        <source>no params</source>
        <translation>无参数</translation>
    </message>
    <message>
        <source>{count} params</source>
        <translation>{count} 个参数</translation>
    </message>
    <message>
        <source>class scores (softmax)</source>
        <translation>类别得分 (softmax)</translation>
    </message>
    <message>
        <source>class scores</source>
        <translation>类别得分</translation>
    </message>
    <message>
        <source>{block} (residual block)</source>
        <translation>{block}（残差块）</translation>
    </message>
    <message>
        <source>+ skip</source>
        <translation>+ 跳跃连接</translation>
    </message>
    <message>
        <source>predicted: {name}
{probability} sure</source>
        <translation>预测：{name}
把握 {probability}</translation>
    </message>
    <message>
        <source>{first}-{last} of {total} ▾</source>
        <translation>{first}-{last} / 共 {total} ▾</translation>
    </message>
    <message>
        <source>cannot write {path} (is the folder there, and writable?)</source>
        <translation>无法写入 {path}（文件夹是否存在、是否可写？）</translation>
    </message>
</context>
<context>
    <name>PatternBuilder</name>
    <message>
        <source>N convs a block</source>
        <translation>每块卷积数 N</translation>
    </message>
    <message>
        <source>[CONV -&gt; RELU] * N: convolutions (each with a ReLU) per block</source>
        <translation>[CONV -&gt; RELU] * N：每块中的卷积个数（每个卷积后接一个 ReLU）</translation>
    </message>
    <message>
        <source>M blocks</source>
        <translation>块数 M</translation>
    </message>
    <message>
        <source>Blocks of N convs and a pool; the channels double from one to the next</source>
        <translation>由 N 个卷积和一个池化组成的块；每过一块，通道数翻一番</translation>
    </message>
    <message>
        <source>K hidden FC</source>
        <translation>隐藏全连接层数 K</translation>
    </message>
    <message>
        <source>[FC -&gt; RELU] * K: hidden fully connected layers before the last FC</source>
        <translation>[FC -&gt; RELU] * K：最后一个 FC 之前的隐藏全连接层</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>通道数</translation>
    </message>
    <message>
        <source>Channels of the first block&apos;s convs</source>
        <translation>第一块中各卷积的通道数</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>Conv kernel size F (padding F//2)</source>
        <translation>卷积核大小 F（填充 F//2）</translation>
    </message>
    <message>
        <source>FC units</source>
        <translation>全连接单元数</translation>
    </message>
    <message>
        <source>Units of each hidden FC layer</source>
        <translation>每个隐藏全连接层的单元数</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Max or average 2x2 pooling, or none: the last conv of each block takes stride 2 instead (the All-Convolutional Net)</source>
        <translation>2x2 最大池化、平均池化，或者不池化：不池化时每块最后一个卷积改用步长 2（全卷积网络）</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>池化</translation>
    </message>
    <message>
        <source>Use this model</source>
        <translation>使用这个模型</translation>
    </message>
    <message>
        <source>Select this model in the run panel; Train trains it</source>
        <translation>在运行面板里选中这个模型，点“训练”就开始训练它</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;The usual pattern&lt;/b&gt;&lt;/p&gt;&lt;p&gt;INPUT → [[CONV → RELU] × N → POOL?] × M → [FC → RELU] × K → FC&lt;/p&gt;&lt;p&gt;Read it from the inside out: N convolutional layers, each followed by a ReLU, then an optional pooling layer (the ? says it may be left out). That block repeats M times. Then come K fully connected layers, each with a ReLU, and a last fully connected layer that gives the class scores.&lt;/p&gt;&lt;p&gt;Some nets it describes: INPUT → FC is a linear classifier (N = M = K = 0); INPUT → [CONV → RELU → POOL] × 2 → FC → RELU → FC has one conv a block; INPUT → [CONV → RELU → CONV → RELU → POOL] × 3 → [FC → RELU] × 2 → FC has two, which suits larger, deeper networks.&lt;/p&gt;&lt;p&gt;Why stack small convs before a pool? Three 3×3 convs in a row see a 7×7 patch of the input, like one 7×7 conv, but with three ReLUs in between and 27C² weights instead of 49C² (C channels in and out).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;最常见的搭法&lt;/b&gt;&lt;/p&gt;&lt;p&gt;INPUT → [[CONV → RELU] × N → POOL?] × M → [FC → RELU] × K → FC&lt;/p&gt;&lt;p&gt;从里往外读：N 个卷积层，每个后面接一个 ReLU，然后是一个可有可无的池化层（问号就是“可以不要”）；这样一块重复 M 次。接着是 K 个全连接层，各接一个 ReLU，最后再用一个全连接层给出各类别的得分。&lt;/p&gt;&lt;p&gt;它能写出的网络，比如：INPUT → FC 就是线性分类器（N = M = K = 0）；INPUT → [CONV → RELU → POOL] × 2 → FC → RELU → FC 每块一个卷积；INPUT → [CONV → RELU → CONV → RELU → POOL] × 3 → [FC → RELU] × 2 → FC 每块两个，适合更大、更深的网络。&lt;/p&gt;&lt;p&gt;为什么要在池化前叠几个小卷积？连着三个 3×3 卷积，看到的是输入中 7×7 的一块，和一个 7×7 卷积一样大；可中间多了三次 ReLU，权重也只要 27C² 个，而不是 49C² 个（输入输出都是 C 个通道）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The tutorial&apos;s advice: usually 0 ≤ N ≤ 3, M ≥ 0 and 0 ≤ K &lt; 3. Zero padding P = (F − 1)/2 keeps the size (this builder pads F//2, the same for odd F); a stride of 2 is common, 3 rare. POOL? may differ from block to block (here one choice holds for all). Pool none gives each block&apos;s last conv stride 2 instead: the All-Convolutional Net (Springenberg et al.), which has no pooling layers at all.</source>
        <translation>教程的建议：一般 0 ≤ N ≤ 3，M ≥ 0，0 ≤ K &lt; 3。零填充取 P = (F − 1)/2 可以让尺寸不变（这里填充 F//2，F 为奇数时两者相同）；步长常用 2，很少用 3。POOL? 每块可以不同（这里所有块用同一种）。池化选“无”时，每块最后一个卷积改用步长 2：这就是全卷积网络（All-Convolutional Net，Springenberg 等人提出），整个网络一个池化层也没有。</translation>
    </message>
    <message>
        <source>an image folder</source>
        <translation>图像文件夹</translation>
    </message>
    <message>
        <source>its size and classes are read with it, these stand in</source>
        <translation>其尺寸和类别要读入数据才知道，这里先用这些代替</translation>
    </message>
    <message>
        <source>its classes are read with it, these stand in</source>
        <translation>其类别要读入数据才知道，这里先用这些代替</translation>
    </message>
    <message>
        <source>Cannot be built: {reason}</source>
        <translation>无法搭建：{reason}</translation>
    </message>
    <message>
        <source>Model spec: {spec}</source>
        <translation>模型描述：{spec}</translation>
    </message>
    <message>
        <source>{channels}x{height}x{width} (CxHxW) inputs, {classes} classes</source>
        <translation>输入 {channels}x{height}x{width}（C×H×W），{classes} 个类别</translation>
    </message>
    <message>
        <source>{inputs}; {stand_in}</source>
        <translation>{inputs}；{stand_in}</translation>
    </message>
    <message>
        <source>{total} parameters for {dataset} ({inputs}). Train it, change N, M or K, train again, and compare the runs.</source>
        <translation>共 {total} 个参数，数据集为 {dataset}（{inputs}）。训练它，改一改 N、M 或 K，再训练一次，然后比较这几次运行。</translation>
    </message>
</context>
<context>
    <name>PoolDemo</name>
    <message>
        <source>the tutorial&apos;s 4x4 example</source>
        <translation>教程里的 4x4 例子</translation>
    </message>
    <message>
        <source>Input slice,&lt;br&gt;the winners marked</source>
        <translation>输入切片，&lt;br&gt;标出胜出者</translation>
    </message>
    <message>
        <source>2x2 max pooling,&lt;br&gt;stride 2</source>
        <translation>2x2 最大池化，&lt;br&gt;步长 2</translation>
    </message>
    <message>
        <source>2x2 average pooling,&lt;br&gt;stride 2</source>
        <translation>2x2 平均池化，&lt;br&gt;步长 2</translation>
    </message>
    <message>
        <source>The layer whose feature map is pooled</source>
        <translation>对哪一层的特征图做池化</translation>
    </message>
    <message>
        <source>channel </source>
        <translation>通道 </translation>
    </message>
    <message>
        <source>The channel (depth slice) of the layer&apos;s feature maps to pool</source>
        <translation>对该层特征图的哪个通道（深度切片）做池化</translation>
    </message>
    <message>
        <source>Slice</source>
        <translation>切片</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Pooling&lt;/b&gt;&lt;/p&gt;&lt;p&gt;A pooling layer shrinks every feature map. The tutorial&apos;s choice, and still the most common one, is max pooling over 2x2 windows at stride 2: the windows do not overlap, and each keeps only the largest of its four values. Three values of every four are thrown away: 75% of the activations are dropped.&lt;/p&gt;&lt;p&gt;Pooling works on each depth slice on its own, so the width and height halve while the depth stays the same: 16 channels × 28 × 28 become 16 channels × 14 × 14.&lt;/p&gt;&lt;p&gt;When a side is odd, its last row or column fills no whole window, and PyTorch drops it, so a little more than 75% goes: 7 × 7 becomes 3 × 3.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;池化&lt;/b&gt;&lt;/p&gt;&lt;p&gt;池化层把每张特征图缩小。教程里的做法，也是至今最常见的做法，是在 2x2 的窗口上以步长 2 做最大池化：窗口互不重叠，每个窗口只留下四个数里最大的那个。四个值扔掉三个，也就是丢弃了 75% 的激活值。&lt;/p&gt;&lt;p&gt;池化在每个深度切片上各做各的，所以宽和高减半，深度不变：16 个通道 × 28 × 28 变成 16 个通道 × 14 × 14。&lt;/p&gt;&lt;p&gt;边长是奇数时，最后一行或一列凑不满一个窗口，PyTorch 就把它丢掉，于是丢掉的比 75% 略多：7 × 7 变成 3 × 3。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Why pool?&lt;/b&gt; The maps after it hold a quarter of the values, so the layers after it compute less, and a fully connected layer after it needs a quarter of the weights: fewer parameters, and so less overfitting. A max also does not care exactly where in its window a feature was, so a small shift of the input changes little.&lt;/p&gt;&lt;p&gt;Pooling itself has no parameters: it learns nothing, it only takes each window&apos;s max or mean. (The tutorial counts it among the layers with parameters; it has none.)&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;为什么要池化？&lt;/b&gt;池化后的特征图只剩四分之一的数值，后面各层的计算量跟着减少；后面若接全连接层，需要的权重也只有四分之一：参数少了，也就不那么容易过拟合。取最大值还不在乎特征究竟落在窗口里哪个位置，所以输入稍稍平移一点，结果变化不大。&lt;/p&gt;&lt;p&gt;池化本身没有参数：它什么也不学，只是取每个窗口的最大值或平均值。（教程把它算作有参数的层，其实它一个参数也没有。）&lt;/p&gt;</translation>
    </message>
    <message>
        <source>A feature map of the current model, for the input shown in Inspect.</source>
        <translation>当前模型的一张特征图，对应“检查”页里显示的输入。</translation>
    </message>
    <message>
        <source>The tutorial&apos;s example. Pick an input in Inspect (a test image, a file, or a drawing) to pool the current model&apos;s own feature maps.</source>
        <translation>这是教程里的例子。在“检查”页选一个输入（测试图像、文件或手绘图），就能对当前模型自己的特征图做池化。</translation>
    </message>
    <message>
        <source>1 channel</source>
        <translation>1 个通道</translation>
    </message>
    <message>
        <source>{count} channels</source>
        <translation>{count} 个通道</translation>
    </message>
    <message>
        <source>the last row</source>
        <translation>最后一行</translation>
    </message>
    <message>
        <source>the last {count} rows</source>
        <translation>最后 {count} 行</translation>
    </message>
    <message>
        <source>the last column</source>
        <translation>最后一列</translation>
    </message>
    <message>
        <source>the last {count} columns</source>
        <translation>最后 {count} 列</translation>
    </message>
    <message>
        <source> ({lost} fill no whole window and are dropped, as PyTorch does, so more than 75% goes)</source>
        <translation>（{lost}凑不满一个窗口，和 PyTorch 一样被丢弃，所以丢掉的超过 75%）</translation>
    </message>
    <message>
        <source> and </source>
        <translation>和</translation>
    </message>
    <message>
        <source>Max pooling keeps the largest activation of each 2x2 window (marked where the window&apos;s values differ): {height}x{width} becomes {pooled_height}x{pooled_width}, so {dropped} of the activations are dropped{border}. Each depth slice is pooled on its own, so the depth stays the same: {channels} × {height} × {width} becomes {channels} × {pooled_height} × {pooled_width}. Average pooling keeps each window&apos;s mean instead: smoother, and every activation counts a little.</source>
        <translation>最大池化保留每个 2x2 窗口里最大的激活值（窗口里的值不全相同时才标出）：{height}x{width} 变成 {pooled_height}x{pooled_width}，丢弃了 {dropped} 的激活值{border}。每个深度切片各自池化，所以深度不变：{channels} × {height} × {width} 变成 {channels} × {pooled_height} × {pooled_width}。平均池化则保留每个窗口的均值：结果更平滑，每个激活值都起一点作用。</translation>
    </message>
</context>
<context>
    <name>PredictionPanel</name>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>While training, refresh at most this often</source>
        <translation>训练时，最多每隔这么久刷新一次</translation>
    </message>
    <message>
        <source>Live refresh every</source>
        <translation>实时刷新间隔</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原图</translation>
    </message>
    <message>
        <source>What the model sees</source>
        <translation>模型看到的</translation>
    </message>
</context>
<context>
    <name>ProbabilityChart</name>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>{name} (true)</source>
        <translation>{name}（真实）</translation>
    </message>
</context>
<context>
    <name>ProjectorTab</name>
    <message>
        <source>running the model over the test images...</source>
        <translation>正在用模型处理测试图像...</translation>
    </message>
    <message>
        <source>t-SNE: finding each image&apos;s nearest neighbours (no progress to show here)...</source>
        <translation>t-SNE：正在为每张图像寻找最近邻（这一步无法显示进度）...</translation>
    </message>
    <message>
        <source>t-SNE: placing the points...</source>
        <translation>t-SNE：正在排布各点...</translation>
    </message>
    <message>
        <source>PCA</source>
        <translation>PCA</translation>
    </message>
    <message>
        <source>t-SNE</source>
        <translation>t-SNE</translation>
    </message>
    <message>
        <source>Project the test set</source>
        <translation>投影测试集</translation>
    </message>
    <message>
        <source>Hover over a point to see its image; click it to inspect.</source>
        <translation>把鼠标移到一个点上查看其图像；点击它即可检查。</translation>
    </message>
    <message>
        <source>The test set&apos;s projection (PCA) at each evaluation of the run the current weights come from, as a GIF or MP4</source>
        <translation>当前权重所属那次运行每次评估时测试集的投影 (PCA)，导出为 GIF 或 MP4</translation>
    </message>
    <message>
        <source>estimated once the test set has loaded</source>
        <translation>测试集加载完成后估算</translation>
    </message>
    <message>
        <source>&lt;h3&gt;What the Projector shows&lt;/h3&gt;&lt;p&gt;Press &lt;b&gt;Project the test set&lt;/b&gt; to place each of {images} as a point in a plane, by what the classifier of {model} sees of it (the input of its last layer): coloured by its true class, crossed when the model gets it wrong. Images that the network sees alike lie close together, so classes that it tells apart form separate clusters.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;PCA&lt;/b&gt;, the two directions in which the images differ most: {pca}.&lt;/li&gt;&lt;li&gt;&lt;b&gt;t-SNE&lt;/b&gt;, which keeps each image beside its nearest neighbours and so shows the clusters more clearly: {tsne}.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Then hover over a point to see its image, and click it to open it in Inspect.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;投影页显示什么&lt;/h3&gt;&lt;p&gt;按 &lt;b&gt;投影测试集&lt;/b&gt;，把 {images}中的每一张放到平面上成为一个点，位置取决于 {model} 的分类器看到的内容（其最后一层的输入）：点的颜色表示真实类别，模型分错的点打叉。网络看来相似的图像彼此靠近，因此网络能区分开的类别会形成各自的簇。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;PCA&lt;/b&gt;：图像差异最大的两个方向，{pca}。&lt;/li&gt;&lt;li&gt;&lt;b&gt;t-SNE&lt;/b&gt;：让每张图像留在其最近邻旁边，簇因此更清楚，{tsne}。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;之后把鼠标移到一个点上查看其图像，点击它即可在检查页中打开。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>projecting the test set of {model} by {method}...</source>
        <translation>正在用 {method} 投影 {model} 的测试集...</translation>
    </message>
    <message>
        <source>Projection cancelled: the model changed.</source>
        <translation>投影已取消：模型已更换。</translation>
    </message>
    <message>
        <source>Cannot project: {error}</source>
        <translation>无法投影：{error}</translation>
    </message>
    <message>
        <source>Projection cancelled.</source>
        <translation>投影已取消。</translation>
    </message>
    <message>
        <source>misclassified</source>
        <translation>分类错误</translation>
    </message>
    <message>
        <source>{count} test images of {dataset} by {method}: 5-nearest-neighbour accuracy {accuracy}, {wrong} misclassified (x). Weights: {model}.</source>
        <translation>{dataset} 的 {count} 张测试图像，用 {method} 投影：5 近邻准确率 {accuracy}，{wrong} 张分类错误 (x)。权重：{model}。</translation>
    </message>
    <message>
        <source>test image {index}: true {truth}, predicted {guess}. Click to inspect it.</source>
        <translation>测试图像 {index}：真实 {truth}，预测 {guess}。点击即可检查。</translation>
    </message>
    <message>
        <source>test image {index}: true {truth}, predicted {guess} (misclassified). Click to inspect it.</source>
        <translation>测试图像 {index}：真实 {truth}，预测 {guess}（分类错误）。点击即可检查。</translation>
    </message>
</context>
<context>
    <name>RunController</name>
    <message>
        <source>finished: test accuracy {accuracy} in {seconds} s</source>
        <translation>完成：测试准确率 {accuracy}，用时 {seconds} 秒</translation>
    </message>
    <message>
        <source>training failed</source>
        <translation>训练失败</translation>
    </message>
    <message>
        <source>stopped at step {step}</source>
        <translation>停在第 {step} 步</translation>
    </message>
    <message>
        <source>cancelled: nothing was trained or saved</source>
        <translation>已取消：没有训练，也没有保存任何东西</translation>
    </message>
    <message>
        <source>loading data...</source>
        <translation>正在加载数据...</translation>
    </message>
    <message>
        <source>loading {dataset}...</source>
        <translation>正在加载 {dataset}...</translation>
    </message>
    <message>
        <source>pausing after the step in flight...</source>
        <translation>正在进行的这一步完成后暂停...</translation>
    </message>
    <message>
        <source>stopping at the next batch...</source>
        <translation>将在下一批停止...</translation>
    </message>
    <message>
        <source>stopping training and saving a checkpoint...</source>
        <translation>正在停止训练并保存检查点...</translation>
    </message>
    <message>
        <source>the window closes when the current batch ends</source>
        <translation>当前这一批结束后窗口会关闭</translation>
    </message>
    <message>
        <source>epoch {epoch}: test accuracy {accuracy}</source>
        <translation>第 {epoch} 轮：测试准确率 {accuracy}</translation>
    </message>
    <message>
        <source>paused after step {step}</source>
        <translation>已在第 {step} 步后暂停</translation>
    </message>
    <message>
        <source>training {model}, {parameters} parameters</source>
        <translation>正在训练 {model}，{parameters} 个参数</translation>
    </message>
</context>
<context>
    <name>RunFollowing</name>
    <message>
        <source>the run folder {folder} is gone; its curves stay on the plots</source>
        <translation>运行文件夹 {folder} 已不存在；它的曲线仍留在图上</translation>
    </message>
</context>
<context>
    <name>RunNames</name>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>调度</translation>
    </message>
    <message>
        <source>augment</source>
        <translation>增强</translation>
    </message>
    <message>
        <source>wd</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>from</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>{setting} {value}</source>
        <translation>{setting} {value}</translation>
    </message>
    <message>
        <source>{name} ({folder})</source>
        <translation>{name}（{folder}）</translation>
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <source>Load from file...</source>
        <translation>从文件加载...</translation>
    </message>
    <message>
        <source>Image folder...</source>
        <translation>图像文件夹...</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>adamw</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <source>sgd</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>step</source>
        <translation>分步衰减</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <source>onecycle</source>
        <translation>OneCycle</translation>
    </message>
    <message>
        <source>crop-flip</source>
        <translation>裁剪+翻转</translation>
    </message>
    <message>
        <source>affine</source>
        <translation>仿射</translation>
    </message>
    <message>
        <source>handwriting</source>
        <translation>手写变形</translation>
    </message>
    <message>
        <source>Choose a folder with one sub-folder per class, named after the class, holding that class&apos;s images ({suffixes}). With train/ and test/ sub-folders that each hold the same class folders, those are the training and test sets; otherwise a tenth of the images, picked at random (always the same ones), is kept as the test set. Hidden files and folders are skipped.</source>
        <translation>请选择这样的文件夹：每个类别一个子文件夹，以类别命名，里面放该类别的图像（{suffixes}）。如果有 train/ 和 test/ 两个子文件夹，且各自含有相同的类别文件夹，它们就分别是训练集和测试集；否则随机取出十分之一的图像（每次都是同样那些）作为测试集。隐藏的文件和文件夹会被跳过。</translation>
    </message>
    <message>
        <source>auto ({device})</source>
        <translation>自动（{device}）</translation>
    </message>
    <message>
        <source>the best device here: CUDA, then Apple MPS, else the CPU</source>
        <translation>这台机器上最好的设备：先 CUDA，再 Apple MPS，否则用 CPU</translation>
    </message>
    <message>
        <source>epochs to train (continuing a run: epochs more)</source>
        <translation>要训练的轮数（继续一次运行时：再训练的轮数）</translation>
    </message>
    <message>
        <source>1: train in this window. More: launch torchrun with that many processes (DistributedDataParallel; the batch size stays the global batch) and follow it</source>
        <translation>1：在这个窗口里训练。更多：用这么多进程启动 torchrun（DistributedDataParallel；批大小仍是全局的批大小）并跟踪它</translation>
    </message>
    <message>
        <source>Copy command</source>
        <translation>复制命令</translation>
    </message>
    <message>
        <source>Copy the torchrun command for these settings, to run them on other machines</source>
        <translation>复制这些设置对应的 torchrun 命令，以便在其他机器上运行</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Data set</source>
        <translation>数据集(&amp;D)</translation>
    </message>
    <message>
        <source>De&amp;vice</source>
        <translation>设备(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Epochs</source>
        <translation>轮数(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Batch size</source>
        <translation>批大小(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Learning rate</source>
        <translation>学习率(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Optimiser</source>
        <translation>优化器(&amp;O)</translation>
    </message>
    <message>
        <source>S&amp;chedule</source>
        <translation>学习率调度(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Augmentation</source>
        <translation>数据增强(&amp;A)</translation>
    </message>
    <message>
        <source>See&amp;d</source>
        <translation>随机种子(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Image size</source>
        <translation>图像尺寸(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Processes</source>
        <translation>进程数(&amp;P)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Start training (Ctrl+R)</source>
        <translation>开始训练 (Ctrl+R)</translation>
    </message>
    <message>
        <source>Pause or resume at the next batch (Ctrl+P)</source>
        <translation>在下一批暂停或继续 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Stop at the next batch and save a checkpoint (Ctrl+.)</source>
        <translation>在下一批停止并保存检查点 (Ctrl+.)</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Load a model from a Python file</source>
        <translation>从 Python 文件加载模型</translation>
    </message>
    <message>
        <source>Python files (*.py)</source>
        <translation>Python 文件 (*.py)</translation>
    </message>
    <message>
        <source>Model class</source>
        <translation>模型类</translation>
    </message>
    <message>
        <source>Which class or factory in {file}?</source>
        <translation>使用 {file} 中的哪个类或工厂函数？</translation>
    </message>
    <message>
        <source>Choose an image folder</source>
        <translation>选择图像文件夹</translation>
    </message>
</context>
<context>
    <name>RunProgressBar</name>
    <message>
        <source>step %v of %m</source>
        <translation>第 %v 步，共 %m 步</translation>
    </message>
    <message>
        <source>done: test accuracy {accuracy}</source>
        <translation>完成：测试准确率 {accuracy}</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>untrained: Train trains it</source>
        <translation>未训练：点“训练”来训练它</translation>
    </message>
    <message>
        <source>trained weights</source>
        <translation>训练过的权重</translation>
    </message>
    <message>
        <source>trained: test accuracy {accuracy}</source>
        <translation>已训练：测试准确率 {accuracy}</translation>
    </message>
</context>
<context>
    <name>RunStatusLabels</name>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>loading</source>
        <translation>加载中</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>正在停止</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>{dataset}: {train} train / {test} test</source>
        <translation>{dataset}：训练 {train} / 测试 {test}</translation>
    </message>
    <message>
        <source>{rate} images/s</source>
        <translation>{rate} 张图像/秒</translation>
    </message>
    <message>
        <source>ETA {minutes}:{seconds}</source>
        <translation>剩余 {minutes}:{seconds}</translation>
    </message>
</context>
<context>
    <name>RunsTab</name>
    <message>
        <source>Overlay</source>
        <translation>叠加</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Best acc</source>
        <translation>最佳准确率</translation>
    </message>
    <message>
        <source>Train time</source>
        <translation>训练时间</translation>
    </message>
    <message>
        <source>Images/s</source>
        <translation>图像/秒</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>best_test_acc</source>
        <translation>最佳测试准确率</translation>
    </message>
    <message>
        <source>test_acc</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>train_seconds</source>
        <translation>训练秒数</translation>
    </message>
    <message>
        <source>images_per_second</source>
        <translation>图像/秒</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Open run folder...</source>
        <translation>打开运行文件夹...</translation>
    </message>
    <message>
        <source>Add a run folder from anywhere: a shared disk, a cluster&apos;s output; one run or a folder of runs</source>
        <translation>从任意位置添加运行文件夹：共享磁盘、集群的输出；一次运行，或装着多次运行的文件夹</translation>
    </message>
    <message>
        <source>Show on the plots</source>
        <translation>在图上显示</translation>
    </message>
    <message>
        <source>best weights</source>
        <translation>最佳权重</translation>
    </message>
    <message>
        <source>latest weights</source>
        <translation>最新权重</translation>
    </message>
    <message>
        <source>Use these weights</source>
        <translation>使用这些权重</translation>
    </message>
    <message>
        <source>Make the run&apos;s weights current in Draw, Inspect and Evaluate</source>
        <translation>让“手写”“检查”和“评估”使用这次运行的权重</translation>
    </message>
    <message>
        <source>Rename...</source>
        <translation>重命名...</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>删除...</translation>
    </message>
    <message>
        <source>Export comparison (CSV)...</source>
        <translation>导出对比 (CSV)...</translation>
    </message>
    <message>
        <source>Tick runs to overlay them on the plots and compare them here; settings that differ are highlighted.</source>
        <translation>勾选运行，把它们叠加在图上并在这里对比；不同的设置会高亮显示。</translation>
    </message>
    <message>
        <source>Draw this run over the current one</source>
        <translation>把这次运行叠加画在当前运行上</translation>
    </message>
    <message>
        <source>Runs: select a run first</source>
        <translation>训练记录：请先选择一次运行</translation>
    </message>
    <message>
        <source>this setting differs between the runs</source>
        <translation>这几次运行的这项设置不同</translation>
    </message>
    <message>
        <source>Export comparison</source>
        <translation>导出对比</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>cannot write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <source>Open a run folder, or a folder of runs</source>
        <translation>打开一个运行文件夹，或装着多次运行的文件夹</translation>
    </message>
    <message>
        <source>Runs: {error}</source>
        <translation>训练记录：{error}</translation>
    </message>
    <message>
        <source>Runs: {run} has no checkpoint yet</source>
        <translation>训练记录：{run} 还没有检查点</translation>
    </message>
    <message>
        <source>Rename run</source>
        <translation>重命名运行</translation>
    </message>
    <message>
        <source>New folder name:</source>
        <translation>新的文件夹名：</translation>
    </message>
    <message>
        <source>Runs: {run} is still running; stop it first</source>
        <translation>训练记录：{run} 还在运行；请先停止它</translation>
    </message>
    <message>
        <source>Delete run</source>
        <translation>删除运行</translation>
    </message>
    <message>
        <source>Move the run {run} to the trash?</source>
        <translation>把运行 {run} 移到回收站？</translation>
    </message>
    <message>
        <source>{path}

Its checkpoints and metrics go with it; the trash can restore them.</source>
        <translation>{path}

它的检查点和指标也会一起移走；可以从回收站恢复。</translation>
    </message>
    <message>
        <source>Runs: {run} could not be moved to the trash</source>
        <translation>训练记录：无法把 {run} 移到回收站</translation>
    </message>
    <message>
        <source>moved {run} to the trash</source>
        <translation>已把 {run} 移到回收站</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>cannot use the run&apos;s checkpoint: {error}</source>
        <translation>无法使用本次训练的检查点：{error}</translation>
    </message>
    <message>
        <source>cannot show the live model: input shape {shape}</source>
        <translation>无法显示实时模型：输入形状 {shape}</translation>
    </message>
    <message>
        <source>cannot show the live model: {error}</source>
        <translation>无法显示实时模型：{error}</translation>
    </message>
</context>
<context>
    <name>Setting</name>
    <message>
        <source>no augmentation</source>
        <translation>不做数据增强</translation>
    </message>
    <message>
        <source>random crop after 4-pixel zero padding, and horizontal flip (natural images; the tutorial upscales to 40 and crops instead of padding)</source>
        <translation>先做 4 像素的零填充再随机裁剪，并水平翻转（自然图像；教程是放大到 40 再裁剪，而不是填充）</translation>
    </message>
    <message>
        <source>small random shifts, scales, rotations and stroke widths (digits, letters)</source>
        <translation>小幅随机平移、缩放、旋转和笔画粗细变化（数字、字母）</translation>
    </message>
    <message>
        <source>what drawings and scans look like: slant, squeeze, elastic wobble, thin to thick strokes, low-resolution resampling and blur (digits, letters)</source>
        <translation>模拟手写和扫描的样子：倾斜、压扁、弹性抖动、笔画由细到粗、低分辨率重采样和模糊（数字、字母）</translation>
    </message>
    <message>
        <source>Adam (the tutorial&apos;s choice, lr 1e-3)</source>
        <translation>Adam（教程的选择，lr 1e-3）</translation>
    </message>
    <message>
        <source>AdamW (Adam with decoupled weight decay)</source>
        <translation>AdamW（权重衰减解耦的 Adam）</translation>
    </message>
    <message>
        <source>SGD with momentum 0.9 and Nesterov</source>
        <translation>带 0.9 动量和 Nesterov 的 SGD</translation>
    </message>
    <message>
        <source>constant learning rate</source>
        <translation>学习率保持不变</translation>
    </message>
    <message>
        <source>the tutorial&apos;s step decay: lr / 3 every 20 epochs</source>
        <translation>教程的分步衰减：每 20 轮把 lr 除以 3</translation>
    </message>
    <message>
        <source>cosine decay to zero over the run</source>
        <translation>在整次运行中按余弦曲线衰减到零</translation>
    </message>
    <message>
        <source>one-cycle: warm up to lr, then anneal</source>
        <translation>OneCycle：先预热到 lr，再退火</translation>
    </message>
    <message>
        <source>crop-flip for colour photos, none for digits</source>
        <translation>彩色照片用裁剪+翻转，数字不做增强</translation>
    </message>
    <message>
        <source>{help} ({default})</source>
        <translation>{help}（{default}）</translation>
    </message>
    <message>
        <source>{help} (default {default})</source>
        <translation>{help}（默认 {default}）</translation>
    </message>
    <message>
        <source>registry name (see &apos;cnnviz models&apos;), pattern:n=N,m=M,k=K or path/to/file.py:Name</source>
        <translation>注册的模型名（见 &apos;cnnviz models&apos;）、pattern:n=N,m=M,k=K 或 path/to/file.py:Name</translation>
    </message>
    <message>
        <source>registry name (see &apos;cnnviz datasets&apos;) or folder:PATH</source>
        <translation>注册的数据集名（见 &apos;cnnviz datasets&apos;）或 folder:PATH</translation>
    </message>
    <message>
        <source>images per step</source>
        <translation>每步的图像数</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>the optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>the learning rate&apos;s schedule</source>
        <translation>学习率的调度方式</translation>
    </message>
    <message>
        <source>how the training images are varied; auto: the data set&apos;s default</source>
        <translation>训练图像如何变化；自动：用数据集的默认方式</translation>
    </message>
    <message>
        <source>the seed of the initial weights and the order of the data</source>
        <translation>初始权重和数据顺序的随机种子</translation>
    </message>
    <message>
        <source>image folders: the input&apos;s longer side in pixels</source>
        <translation>图像文件夹：输入长边的像素数</translation>
    </message>
    <message>
        <source>default: the most common size, its longer side at most 64</source>
        <translation>默认：最常见的尺寸，长边最多 64</translation>
    </message>
    <message>
        <source>{setting} {value} (the run used {recorded})</source>
        <translation>{setting} {value}（这次运行用的是 {recorded}）</translation>
    </message>
    <message>
        <source>epochs {epochs}: the {schedule} schedule was shaped for {recorded} epoch(s) and cannot be stretched</source>
        <translation>轮数 {epochs}：{schedule} 调度是按 {recorded} 轮设计的，无法拉伸</translation>
    </message>
</context>
<context>
    <name>SettingKey</name>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>batch_size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>调度</translation>
    </message>
    <message>
        <source>augment</source>
        <translation>增强</translation>
    </message>
    <message>
        <source>weight_decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>image_size</source>
        <translation>图像尺寸</translation>
    </message>
</context>
<context>
    <name>SharingPanel</name>
    <message>
        <source>Fully connected</source>
        <translation>全连接</translation>
    </message>
    <message>
        <source>Locally connected</source>
        <translation>局部连接</translation>
    </message>
    <message>
        <source>Convolutional</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>Sharing saves</source>
        <translation>共享省下</translation>
    </message>
    <message>
        <source> pixels a side</source>
        <translation> 像素见方</translation>
    </message>
    <message>
        <source>The image&apos;s width and height</source>
        <translation>图像的宽和高</translation>
    </message>
    <message>
        <source>The receptive field of each neuron: the patch it is connected to</source>
        <translation>每个神经元的感受野：它所连接的那一小块</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Each neuron sees</source>
        <translation>每个神经元看</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Why not fully connected?&lt;/b&gt;&lt;/p&gt;&lt;p&gt;A 1000x1000 image is a million inputs. A hidden layer of a million neurons, each connected to every pixel, needs 10&lt;sup&gt;6&lt;/sup&gt; × 10&lt;sup&gt;6&lt;/sup&gt; = 10&lt;sup&gt;12&lt;/sup&gt; weights: no computer learns that.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Local connectivity.&lt;/b&gt; Let each neuron see only a 10x10 patch, its receptive field: 10&lt;sup&gt;6&lt;/sup&gt; × 100 = 10&lt;sup&gt;8&lt;/sup&gt; weights. Better, but still a hundred million.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Weight sharing.&lt;/b&gt; Now let every neuron use the same 100 weights: one filter, slid over the whole image. The layer has 100 weights, and a bias. With K filters, each making its own feature map, it has K times as many.&lt;/p&gt;&lt;p&gt;&lt;b&gt;A convolutional layer&apos;s parameters.&lt;/b&gt; K filters of F×F×D weights and one bias each: K·(F·F·D + 1), whatever the size of the image. The tutorial&apos;s convolution demo: 2·(3·3·3 + 1) = 56.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;为什么不用全连接？&lt;/b&gt;&lt;/p&gt;&lt;p&gt;一张 1000x1000 的图像就是一百万个输入。隐藏层若也有一百万个神经元、每个都连到所有像素，就需要 10&lt;sup&gt;6&lt;/sup&gt; × 10&lt;sup&gt;6&lt;/sup&gt; = 10&lt;sup&gt;12&lt;/sup&gt; 个权重：哪台计算机也学不动。&lt;/p&gt;&lt;p&gt;&lt;b&gt;局部连接。&lt;/b&gt;让每个神经元只看一块 10x10 的小区域，也就是它的感受野：10&lt;sup&gt;6&lt;/sup&gt; × 100 = 10&lt;sup&gt;8&lt;/sup&gt; 个权重。好多了，可还是有一亿个。&lt;/p&gt;&lt;p&gt;&lt;b&gt;参数共享。&lt;/b&gt;再让所有神经元共用同一组 100 个权重：相当于一个滤波器在整张图像上滑动。这一层只有 100 个权重，外加一个偏置。有 K 个滤波器、每个生成自己的一张特征图时，就是 K 倍。&lt;/p&gt;&lt;p&gt;&lt;b&gt;卷积层有多少参数。&lt;/b&gt;K 个滤波器，每个有 F×F×D 个权重和一个偏置：K·(F·F·D + 1)，与图像大小无关。教程的卷积演示：2·(3·3·3 + 1) = 56。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Why this works on images:&lt;/b&gt; nearby pixels are strongly correlated (an edge, a corner or a texture lives in a small patch), so a neuron loses little by seeing only a patch: local connectivity. And a feature worth detecting in one place, a vertical edge say, is worth detecting anywhere in the image, so every position can use the same filter: weight sharing.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;为什么这在图像上行得通：&lt;/b&gt;相邻像素高度相关（一条边、一个角、一片纹理都只占一小块地方），所以神经元只看一小块也损失不大，这就是局部连接。而某处值得检测的特征，比如一条竖直的边，在图像的任何地方都同样值得检测，所以每个位置都可以用同一个滤波器，这就是参数共享。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>A {side}x{side} image and one hidden neuron per pixel: {neurons} neurons. &lt;b&gt;Fully connected&lt;/b&gt;, each sees every pixel: {neurons} x {neurons} = {fully_connected} weights. &lt;b&gt;Locally connected&lt;/b&gt;, each sees a {field}x{field} patch: {neurons} x {patch} = {locally_connected}. &lt;b&gt;Shared&lt;/b&gt;, every neuron uses the same {patch} weights, one filter slid over the image: {convolutional}.</source>
        <translation>一张 {side}x{side} 的图像，每个像素对应一个隐藏神经元：共 {neurons} 个神经元。&lt;b&gt;全连接&lt;/b&gt;：每个神经元看所有像素，{neurons} x {neurons} = {fully_connected} 个权重。&lt;b&gt;局部连接&lt;/b&gt;：每个神经元看一块 {field}x{field} 的区域，{neurons} x {patch} = {locally_connected}。&lt;b&gt;共享&lt;/b&gt;：所有神经元用同一组 {patch} 个权重，也就是一个在图像上滑动的滤波器：{convolutional}。</translation>
    </message>
    <message>
        <source>The current model&apos;s convolutions, counted the same three ways (with biases). Locally connected is the convolution with its own copy of the filters at every output position; sharing them saves that many times over.</source>
        <translation>当前模型的各个卷积，按同样三种方式计数（含偏置）。“局部连接”就是在每个输出位置都各有一份滤波器副本的卷积；共享滤波器便省下了这么多倍。</translation>
    </message>
    <message>
        <source>The current model has no convolutions to count.</source>
        <translation>当前模型没有可以计数的卷积。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Draw: clear the canvas</source>
        <translation>手写：清空画板</translation>
    </message>
    <message>
        <source>Draw: take back the last stroke, or the clear</source>
        <translation>手写：撤销上一笔，或撤销清空</translation>
    </message>
    <message>
        <source>Inspect: the layer before or after</source>
        <translation>检查：上一层或下一层</translation>
    </message>
    <message>
        <source>Inspect: the channel before or after</source>
        <translation>检查：上一个或下一个通道</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>作用</translation>
    </message>
</context>
<context>
    <name>TaskBar</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
</context>
<context>
    <name>TimelapseExport</name>
    <message>
        <source>Export timelapse...</source>
        <translation>导出延时动画...</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> 帧/秒</translation>
    </message>
    <message>
        <source>Frames a second</source>
        <translation>每秒帧数</translation>
    </message>
    <message>
        <source>scale each frame</source>
        <translation>每帧单独缩放</translation>
    </message>
    <message>
        <source>Off: one colour scale for all frames, so that growth shows</source>
        <translation>关闭时：所有帧共用一个颜色刻度，这样能看出增长</translation>
    </message>
    <message>
        <source>The weights shown come from no run with a recorded timelapse: open a run&apos;s checkpoint</source>
        <translation>显示的权重不来自任何记录了延时的训练：请打开某次训练的检查点</translation>
    </message>
    <message>
        <source>Export timelapse</source>
        <translation>导出延时动画</translation>
    </message>
    <message>
        <source>GIF animation (*.gif);;MP4 video (*.mp4)</source>
        <translation>GIF 动画 (*.gif);;MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <source>wrote {path}</source>
        <translation>已写入 {path}</translation>
    </message>
    <message>
        <source>writing {file}...</source>
        <translation>正在写入 {file}...</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>TimelapseReplay</name>
    <message>
        <source>The run&apos;s recorded timelapse; at the right end, the weights shown</source>
        <translation>这次训练记录的延时；拖到最右端就是当前显示的权重</translation>
    </message>
    <message>
        <source>Over training</source>
        <translation>训练过程</translation>
    </message>
    <message>
        <source>no recorded timelapse: open a run&apos;s checkpoint</source>
        <translation>没有记录的延时：请打开某次训练的检查点</translation>
    </message>
    <message>
        <source>reading the run&apos;s timelapse...</source>
        <translation>正在读取这次训练的延时...</translation>
    </message>
    <message>
        <source>the weights shown ({count} recorded steps to the left)</source>
        <translation>当前显示的权重（左侧有 {count} 个记录的步）</translation>
    </message>
</context>
<context>
    <name>TopInputsPanel</name>
    <message>
        <source>Top test images</source>
        <translation>最强的测试图像</translation>
    </message>
    <message>
        <source>Find top images</source>
        <translation>查找最强图像</translation>
    </message>
    <message>
        <source>Scan cancelled.</source>
        <translation>扫描已取消。</translation>
    </message>
    <message>
        <source>Cannot scan {layer}: {error}</source>
        <translation>无法扫描 {layer}：{error}</translation>
    </message>
    <message>
        <source>The test set is not loaded yet.</source>
        <translation>测试集尚未加载。</translation>
    </message>
    <message>
        <source>Scanning {count} test images for {layer}...</source>
        <translation>正在为 {layer} 扫描 {count} 张测试图像...</translation>
    </message>
    <message>
        <source>Find the test images that excite each channel of {layer} most.</source>
        <translation>找出让 {layer} 每个通道响应最强的测试图像。</translation>
    </message>
    <message>
        <source>a layer</source>
        <translation>某一层</translation>
    </message>
    <message>
        <source>{layer}, channel {channel}: the {k} strongest of {count} test images ({values}), each cropped to the {size} pixels its unit sees. Weights: {label}.</source>
        <translation>{layer}，通道 {channel}：{count} 张测试图像中响应最强的 {k} 张（{values}），每张都裁剪到其单元看到的 {size} 像素。权重：{label}。</translation>
    </message>
</context>
<context>
    <name>TrainModeBox</name>
    <message>
        <source>Continue this run</source>
        <translation>继续这次运行</translation>
    </message>
    <message>
        <source>Start from these weights</source>
        <translation>从这些权重开始</translation>
    </message>
    <message>
        <source>Start fresh</source>
        <translation>从头开始</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Train from the current weights, or start fresh?</source>
        <translation>从当前的权重接着训练，还是从头开始？</translation>
    </message>
    <message>
        <source>Checkpoint: {path}</source>
        <translation>检查点：{path}</translation>
    </message>
    <message>
        <source>Continue this run: the same run, on to epoch {epoch}.</source>
        <translation>继续这次运行：还是同一次运行，一直训练到第 {epoch} 轮。</translation>
    </message>
    <message>
        <source>These settings changed since this run: {differences}. Start fresh (the default) trains a new run with them from random weights, to compare with this one.</source>
        <translation>这些设置与这次运行相比有改动：{differences}。“从头开始”（默认）会用新的设置从随机权重训练一次新的运行，以便和这次运行比较。</translation>
    </message>
    <message>
        <source>This run cannot be continued exactly, since these settings differ from its own: {differences}.</source>
        <translation>这次运行无法原样继续，因为下面这些设置和它原来的不同：{differences}。</translation>
    </message>
    <message>
        <source>Start from these weights: a new run that begins with them, with a fresh optimiser and schedule from the settings now chosen.</source>
        <translation>从这些权重开始：以它们为起点开始一次新的运行，优化器和学习率计划按现在选定的设置重新开始。</translation>
    </message>
</context>
<context>
    <name>Trainer</name>
    <message>
        <source>out of memory on {device}: try a smaller batch size (now {batch_size})</source>
        <translation>{device} 上内存不足：请试试更小的批大小（现在是 {batch_size}）</translation>
    </message>
    <message>
        <source>training failed: {error}</source>
        <translation>训练失败：{error}</translation>
    </message>
    <message>
        <source>another process of this distributed job stopped answering (it died or was killed; torchrun&apos;s report names it)</source>
        <translation>这个分布式任务的另一个进程不再响应（它已退出或被终止；torchrun 的报告里有它的名字）</translation>
    </message>
    <message>
        <source>the loss became {loss} at step {step}: try a lower learning rate (now {lr})</source>
        <translation>损失在第 {step} 步变成了 {loss}：请试试更低的学习率（现在是 {lr}）</translation>
    </message>
</context>
<context>
    <name>TrainingPlots</name>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>training time (s)</source>
        <translation>训练时间（秒）</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步</translation>
    </message>
    <message>
        <source>training time</source>
        <translation>训练时间</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>show 0-100%</source>
        <translation>显示 0-100%</translation>
    </message>
    <message>
        <source>Accuracy follows the data, so that 98.4% and 98.8% look different; tick to see the whole 0-100% range</source>
        <translation>准确率坐标轴跟随数据，让 98.4% 和 98.8% 看得出差别；勾选后显示完整的 0-100% 范围</translation>
    </message>
    <message>
        <source>What the x axis counts: epochs, steps, or seconds of training (from each step&apos;s speed)</source>
        <translation>横轴的单位：轮、步，或训练的秒数（按每一步的速度算出）</translation>
    </message>
    <message>
        <source>How much the loss curve is smoothed: the weight of the past in its moving average (0: the step losses themselves)</source>
        <translation>损失曲线的平滑程度：滑动平均中过去值的权重（0：就是每一步的损失本身）</translation>
    </message>
    <message>
        <source>log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>Draw the loss on a log scale: a spike and the small differences late in a run both show</source>
        <translation>用对数坐标画损失：开头的尖峰和后期的细微差别都看得见</translation>
    </message>
    <message>
        <source>x axis</source>
        <translation>横轴</translation>
    </message>
    <message>
        <source>smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>step loss</source>
        <translation>每步损失</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>平滑后</translation>
    </message>
    <message>
        <source>test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <source>train (epoch so far)</source>
        <translation>训练（本轮累计）</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>{curve}: {run}</source>
        <translation>{curve}：{run}</translation>
    </message>
    <message>
        <source>{accuracy} {run}</source>
        <translation>{accuracy} {run}</translation>
    </message>
    <message>
        <source>epoch {epoch}</source>
        <translation>第 {epoch} 轮</translation>
    </message>
    <message>
        <source>step {step} ({epoch})</source>
        <translation>第 {step} 步（{epoch}）</translation>
    </message>
    <message>
        <source>{seconds} s ({epoch})</source>
        <translation>{seconds} 秒（{epoch}）</translation>
    </message>
    <message>
        <source>test {value}</source>
        <translation>测试 {value}</translation>
    </message>
    <message>
        <source>loss {value}</source>
        <translation>损失 {value}</translation>
    </message>
    <message>
        <source>smoothed {value}</source>
        <translation>平滑后 {value}</translation>
    </message>
    <message>
        <source>train accuracy {value}%</source>
        <translation>训练准确率 {value}%</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <source>training ended unexpectedly</source>
        <translation>训练意外结束</translation>
    </message>
    <message>
        <source>training failed: {error}</source>
        <translation>训练失败：{error}</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <source>Run this model&apos;s code?</source>
        <translation>运行这个模型的代码吗？</translation>
    </message>
    <message>
        <source>&lt;b&gt;{what}&lt;/b&gt; needs a model defined in a Python file. Loading it runs that file&apos;s code with your permissions. Only continue if you trust where it came from.&lt;br&gt;&lt;br&gt;File: {path}&lt;br&gt;Model: {model}&lt;br&gt;SHA-256: &lt;code&gt;{sha256}&lt;/code&gt;&lt;br&gt;&lt;b&gt;The code below is the source stored in the checkpoint: it is what would run&lt;/b&gt;; {on_disk}.</source>
        <translation>&lt;b&gt;{what}&lt;/b&gt;需要一个在 Python 文件里定义的模型。加载它就会以你的权限运行这个文件里的代码。只有在你信任它的来源时才继续。&lt;br&gt;&lt;br&gt;文件：{path}&lt;br&gt;模型：{model}&lt;br&gt;SHA-256：&lt;code&gt;{sha256}&lt;/code&gt;&lt;br&gt;&lt;b&gt;下面是检查点里保存的源代码：真正会运行的就是它&lt;/b&gt;；{on_disk}。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Warning: the source holds control or bidirectional characters that can hide what it does; they are shown escaped.&lt;/b&gt;</source>
        <translation>&lt;b&gt;警告：这段源代码里有控制字符或双向文本字符，它们可能掩盖代码真正做的事；这里以转义形式显示。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Trust and open</source>
        <translation>信任并打开</translation>
    </message>
</context>
<context>
    <name>UnitView</name>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
</TS>
