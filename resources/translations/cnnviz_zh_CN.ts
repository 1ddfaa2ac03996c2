<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Device</name>
    <message>
        <source>mps (Apple GPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cpu</source>
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
    <name>HistogramsTab</name>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run yet: train one, or show one from the Runs tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gradients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values over training (colour: share of the layer&apos;s values)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient norm per layer (log10), the first layer on top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log10 norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{run}: no snapshot yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{run}: %n snapshot(s), step {first} to {last}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobWorker</name>
    <message>
        <source>could not start torchrun ({error}): {command}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting {count} processes...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the training job ended without finishing: {output}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no output)</source>
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
    <name>ModelSelection</name>
    <message>
        <source>reading {dataset}...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read {dataset}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use this model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunController</name>
    <message>
        <source>finished: test accuracy {accuracy} in {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped at step {step}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled: nothing was trained or saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loading data...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loading {dataset}...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pausing after the step in flight...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopping at the next batch...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopping training and saving a checkpoint...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the window closes when the current batch ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch {epoch}: test accuracy {accuracy}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused after step {step}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training {model}, {parameters} parameters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunFollowing</name>
    <message>
        <source>the run folder {folder} is gone; its curves stay on the plots</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunNames</name>
    <message>
        <source>model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optimiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>augment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({folder})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <source>Load from file...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adamw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sgd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cosine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>onecycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crop-flip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>affine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handwriting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder with one sub-folder per class, named after the class, holding that class&apos;s images ({suffixes}). With train/ and test/ sub-folders that each hold the same class folders, those are the training and test sets; otherwise a tenth of the images, picked at random (always the same ones), is kept as the test set. Hidden files and folders are skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto ({device})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the best device here: CUDA, then Apple MPS, else the CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epochs to train (continuing a run: epochs more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1: train in this window. More: launch torchrun with that many processes (DistributedDataParallel; the batch size stays the global batch) and follow it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the torchrun command for these settings, to run them on other machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Data set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;vice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Optimiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;chedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Augmentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See&amp;d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Image size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished">训练</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start training (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause or resume at the next batch (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop at the next batch and save a checkpoint (Ctrl+.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a model from a Python file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python files (*.py)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which class or factory in {file}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an image folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunProgressBar</name>
    <message>
        <source>step %v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done: test accuracy {accuracy}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untrained: Train trains it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trained weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trained: test accuracy {accuracy}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunStatusLabels</name>
    <message>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{dataset}: {train} train / {test} test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rate} images/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETA {minutes}:{seconds}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunsTab</name>
    <message>
        <source>Overlay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best acc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best_test_acc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test_acc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train_seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>images_per_second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open run folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a run folder from anywhere: a shared disk, a cluster&apos;s output; one run or a folder of runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show on the plots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>latest weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use these weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the run&apos;s weights current in Draw, Inspect and Evaluate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export comparison (CSV)...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick runs to overlay them on the plots and compare them here; settings that differ are highlighted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw this run over the current one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs: select a run first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this setting differs between the runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a run folder, or a folder of runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs: {run} has no checkpoint yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New folder name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs: {run} is still running; stop it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the run {run} to the trash?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}

Its checkpoints and metrics go with it; the trash can restore them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs: {run} could not be moved to the trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moved {run} to the trash</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Setting</name>
    <message>
        <source>no augmentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random crop after 4-pixel zero padding, and horizontal flip (natural images; the tutorial upscales to 40 and crops instead of padding)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>small random shifts, scales, rotations and stroke widths (digits, letters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what drawings and scans look like: slant, squeeze, elastic wobble, thin to thick strokes, low-resolution resampling and blur (digits, letters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam (the tutorial&apos;s choice, lr 1e-3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AdamW (Adam with decoupled weight decay)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SGD with momentum 0.9 and Nesterov</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>constant learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tutorial&apos;s step decay: lr / 3 every 20 epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cosine decay to zero over the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one-cycle: warm up to lr, then anneal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crop-flip for colour photos, none for digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{help} ({default})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{help} (default {default})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registry name (see &apos;cnnviz models&apos;), pattern:n=N,m=M,k=K or path/to/file.py:Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registry name (see &apos;cnnviz datasets&apos;) or folder:PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>images per step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the optimiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the learning rate&apos;s schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how the training images are varied; auto: the data set&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the seed of the initial weights and the order of the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image folders: the input&apos;s longer side in pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default: the most common size, its longer side at most 64</source>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training time (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show 0-100%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy follows the data, so that 98.4% and 98.8% look different; tick to see the whole 0-100% range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the x axis counts: epochs, steps, or seconds of training (from each step&apos;s speed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much the loss curve is smoothed: the weight of the past in its moving average (0: the step losses themselves)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw the loss on a log scale: a spike and the small differences late in a run both show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smoothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train (running)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{curve}: {run}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{accuracy} {run}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch {epoch}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step {step} ({epoch})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{seconds} s ({epoch})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smoothed {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train accuracy {value}%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <source>training ended unexpectedly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training failed: {error}</source>
        <translation type="unfinished"></translation>
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
