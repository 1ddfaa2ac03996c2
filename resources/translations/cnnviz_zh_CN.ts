<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>FeatureMapsPanel</name>
    <message>
        <source>scale each map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scale the layer together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sort by mean activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PNG...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export .npy...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overlay on the input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>effective receptive field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beside the outline, the gradient of the unit under the mouse with respect to the input: the pixels that really move it (Luo et al., 2016). It fills much less than the theoretical square.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>click a map to enlarge it; hover over it to see a unit&apos;s receptive field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{layer}: no output for this input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{layer}: the timelapse recorded no maps of it (it has {layers})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {count} shown, {dead} dead (x)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {count} shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{layer}: {count} class scores (logits); highest: {name} ({value})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{layer}: {count} outputs; highest: {name} ({value})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{layer}, channel {channel}: min {low}, max {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{layer}, channel {channel} (test image 0, step {step}): min {low}, max {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{layer}, channel {channel}: x {x}, y {y}, value {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reading}; receptive field: the whole input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reading}; receptive field: {size} pixels from ({x}, {y})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reading}; effective field: none, the unit is off for this input, so no pixel moves it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export feature maps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export activations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NumPy (*.npy)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeatureVisPanel</name>
    <message>
        <source>What excites this channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visualise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the channel&apos;s mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its centre unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot visualise {layer}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimising an input for {layer}, channel {channel}...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimise an input to excite {layer}, channel {channel}: what it responds to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{layer}, channel {channel}: {value} for this image. Weights: {label}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{layer}, channel {channel}: {value} for this image; the best test image (#{index}) reaches {best}. Weights: {label}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FiltersPanel</name>
    <message>
        <source>every kernel (output x input)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>averaged over inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a kernel for its weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{layer}: {count} filters, shown in colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{layer}: {count} filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{layer}: {count} filters averaged over their inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{layer}: outputs {first}-{last} of {outputs} (rows) x {columns} of {inputs} inputs (columns)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, recorded at step {step}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (the timelapse keeps the first conv layer&apos;s kernels only: these are the weights shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weights of {layer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output {output}, input {input}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filter {index}, mean over inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filter {index} (mean of R, G, B)</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next misclassified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open image...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectTab</name>
    <message>
        <source>Feature maps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What excites a channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run&apos;s first-layer kernels (Filters) or the selected layer&apos;s feature maps (Feature maps) over training, as a GIF or MP4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this run (live)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this run, step {step} (live)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this run, step {step}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no test set: open an image instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loading the {dataset} test set...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect: no misclassified image after this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect: cannot search for a mistake: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicted {predicted} ({probability})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label {label}, predicted {predicted} ({probability})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{layer}, channel {channel}: choose the layer in the tree, and the channel on Feature maps or with the Left and Right keys</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output (CxHxW)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Params</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayerTree</name>
    <message>
        <source>output size: {formula}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total} parameters. The convolutions hold {conv}; fully connected layers of the same input and output sizes would need {fc} ({ratio}x): weight sharing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PredictionPanel</name>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While training, refresh at most this often</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live refresh every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the model sees</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProbabilityChart</name>
    <message>
        <source>probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (true)</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelapseExport</name>
    <message>
        <source>Export timelapse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scale each frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: one colour scale for all frames, so that growth shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weights shown come from no run with a recorded timelapse: open a run&apos;s checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export timelapse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GIF (*.gif);;MP4 video (*.mp4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing {file}...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrote {file}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelapseReplay</name>
    <message>
        <source>The run&apos;s recorded timelapse; at the right end, the weights shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no recorded timelapse: open a run&apos;s checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the run&apos;s timelapse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the weights shown ({count} recorded steps to the left)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TopInputsPanel</name>
    <message>
        <source>Top test images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find top images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot scan {layer}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test set is not loaded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanning {count} test images for {layer}...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the test images that excite each channel of {layer} most.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{layer}, channel {channel}: the {k} strongest of {count} test images ({values}), each cropped to the {size} pixels its unit sees. Weights: {label}.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
