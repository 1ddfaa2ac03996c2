<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
        <source>{model}: test accuracy {accuracy} ({count} images)</source>
        <translation>{model}：测试准确率 {accuracy}（{count} 张图像）</translation>
    </message>
    <message>
        <source>It takes {estimate}.</source>
        <translation>所需时间：{estimate}。</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
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
        <translation>关闭时：所有帧共用一个颜色刻度，便于看出增长</translation>
    </message>
    <message>
        <source>The weights shown come from no run with a recorded timelapse: open a run&apos;s checkpoint</source>
        <translation>显示的权重不来自任何录有延时记录的运行：请打开一次运行的检查点</translation>
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
        <source>writing {file}...</source>
        <translation>正在写入 {file}...</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>wrote {path}</source>
        <translation>已写入 {path}</translation>
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
</TS>
