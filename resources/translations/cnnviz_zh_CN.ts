<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
    <name>HistogramsTab</name>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>No run yet: train one, or show one from the Runs tab.</source>
        <translation>还没有运行：训练一个，或从“运行”标签页显示一个。</translation>
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
        <translation>运行：请先选择一次运行</translation>
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
        <translation>运行：{error}</translation>
    </message>
    <message>
        <source>Runs: {run} has no checkpoint yet</source>
        <translation>运行：{run} 还没有检查点</translation>
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
        <translation>运行：{run} 还在运行；请先停止它</translation>
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
        <translation>运行：无法把 {run} 移到回收站</translation>
    </message>
    <message>
        <source>moved {run} to the trash</source>
        <translation>已把 {run} 移到回收站</translation>
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
        <source>This run cannot be continued exactly, since these settings differ from its own: {differences}.</source>
        <translation>这次运行无法原样继续，因为下面这些设置和它原来的不同：{differences}。</translation>
    </message>
    <message>
        <source>Start from these weights: a new run that begins with them, with a fresh optimiser and schedule from the settings now chosen.</source>
        <translation>从这些权重开始：以它们为起点开始一次新的运行，优化器和学习率计划按现在选定的设置重新开始。</translation>
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
        <source>train (running)</source>
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
</TS>
