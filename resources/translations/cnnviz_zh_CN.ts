<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
&lt;b&gt;运行&lt;/b&gt;：每次运行都是一个文件夹；勾选几次运行，就能把它们的曲线叠在一起画，并比较它们的设置。&lt;a href=&quot;{runs}&quot;&gt;详情&lt;/a&gt;
&lt;b&gt;检查&lt;/b&gt;：模型的各层，每层的输出尺寸和感受野，一个输入在每个通道上的特征图，滤波器，以及网络看的是哪里（解释）。&lt;a href=&quot;{inspect}&quot;&gt;详情&lt;/a&gt;
&lt;b&gt;评估&lt;/b&gt;：混淆矩阵和分错的图像，错得最&quot;自信&quot;的排在最前。&lt;a href=&quot;{evaluate}&quot;&gt;详情&lt;/a&gt;
&lt;b&gt;学习&lt;/b&gt;：把教程里的概念做成能动手操作的演示：一个神经元、小型全连接网络、一步一步进行的卷积、池化、参数共享，还有教程的结构模式，可以照着它搭建并训练一个模型。&lt;a href=&quot;{learn}&quot;&gt;详情&lt;/a&gt;&lt;/p&gt;
&lt;h3&gt;先试试这些&lt;/h3&gt;
&lt;ol&gt;
&lt;li&gt;写一个 7，再写一个很像 7 的 1：网络会怎么说？&lt;/li&gt;
&lt;li&gt;按下&quot;训练&quot;：教程里的 CNN 在 MNIST 上训练一轮。&lt;/li&gt;
&lt;li&gt;训练时打开&quot;检查&quot;，看第一层的滤波器怎样变化。&lt;/li&gt;
&lt;li&gt;选 lenet5 或 tinyvgg，也训练它们，然后在&quot;运行&quot;里比较这几次运行。&lt;/li&gt;
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
    <name>MainWindow</name>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>R&amp;uns</source>
        <translation>运行(&amp;U)</translation>
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
</TS>
