<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
        <translation>输出（CxHxW）</translation>
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
        <source>GIF (*.gif);;MP4 video (*.mp4)</source>
        <translation>GIF 动画 (*.gif);;MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <source>writing {file}...</source>
        <translation>正在写入 {file}...</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>wrote {file}</source>
        <translation>已写入 {file}</translation>
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
<context>
    <name>UnitView</name>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
</TS>
