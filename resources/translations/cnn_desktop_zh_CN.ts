<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ArchitectureView</name>
    <message>
        <source>Network architecture</source>
        <translation>网络结构</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数个数</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>How they add up</source>
        <translation>参数如何算出</translation>
    </message>
    <message>
        <source>Pooling has no trainable parameters and keeps the number of channels; a 5×5 convolution without padding makes each side 4 pixels shorter (32 − 5 + 1 = 28). Point at a stage to see its maps.</source>
        <translation>池化层没有可训练的参数，也不改变通道数；不加填充的 5×5 卷积让每条边缩短 4 个像素（32 − 5 + 1 = 28）。把鼠标指向某一层，即可看到它的特征图。</translation>
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
        <source>Total: {count} trainable parameters</source>
        <translation>共 {count} 个可训练参数</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>flatten</source>
        <translation>展平</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>the drawing, 28×28 padded to 32×32</source>
        <translation>手写图像，28×28 填充到 32×32</translation>
    </message>
    <message>
        <source>convolution 5×5, {count} filters, ReLU</source>
        <translation>5×5 卷积，{count} 个卷积核，ReLU</translation>
    </message>
    <message>
        <source>{kind} pooling 2×2, per channel</source>
        <translation>2×2 {kind}池化，逐通道进行</translation>
    </message>
    <message>
        <source>flatten to one vector</source>
        <translation>展平为一个向量</translation>
    </message>
    <message>
        <source>fully connected → 10 logits</source>
        <translation>全连接 → 10 个 logits</translation>
    </message>
    <message>
        <source>softmax → 10 probabilities</source>
        <translation>softmax → 10 个概率</translation>
    </message>
    <message>
        <source>fully connected, ReLU</source>
        <translation>全连接，ReLU</translation>
    </message>
    <message>
        <source>none: takes the max or mean of each 2×2 window</source>
        <translation>无：取每个 2×2 窗口的最大值或平均值</translation>
    </message>
</context>
<context>
    <name>Classroom</name>
    <message>
        <source>Architecture</source>
        <translation>网络结构</translation>
    </message>
    <message>
        <source>Kernels</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>Why this answer</source>
        <translation>为什么是这个答案</translation>
    </message>
    <message>
        <source>Softmax explained</source>
        <translation>图解 softmax</translation>
    </message>
    <message>
        <source>Test set</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen, large fonts, high contrast, for a projector (F11; Esc leaves)</source>
        <translation>全屏、大字号、高对比度，适合投影仪（F11；按 Esc 退出）</translation>
    </message>
    <message>
        <source>The {stage} maps are hidden: View → Show convolution maps (C) shows them.</source>
        <translation>{stage} 的特征图已隐藏：用“视图 → 显示池化前的卷积特征图”（C）显示。</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <source>MNIST could not be downloaded to {places} ({error}).</source>
        <translation>无法把 MNIST 下载到 {places}（{error}）。</translation>
    </message>
    <message>
        <source>The MNIST files in {places} are damaged ({error}).</source>
        <translation>{places} 中的 MNIST 文件已损坏（{error}）。</translation>
    </message>
    <message>
        <source>MNIST was not found (looked in {places}). Choose the folder with its four files (train-images-idx3-ubyte[.gz] and the others), or download them.</source>
        <translation>没有找到 MNIST（查找过：{places}）。请选择存放它四个文件（train-images-idx3-ubyte[.gz] 等）的文件夹，或者下载它们。</translation>
    </message>
</context>
<context>
    <name>DrawingCanvas</name>
    <message>
        <source>Drawing canvas</source>
        <translation>画布</translation>
    </message>
    <message>
        <source>Draw a digit here</source>
        <translation>在这里写一个数字</translation>
    </message>
</context>
<context>
    <name>EngineLoader</name>
    <message>
        <source>The model cannot be loaded: {error}</source>
        <translation>无法加载模型：{error}</translation>
    </message>
    <message>
        <source>Could not load the chosen model ({error}); using the bundled one.</source>
        <translation>无法加载所选模型（{error}），改用自带的模型。</translation>
    </message>
</context>
<context>
    <name>FeatureMaps</name>
    <message>
        <source>Feature maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <source>conv1 — 6 maps of 28×28, before pooling</source>
        <translation>conv1 — 6 张 28×28 的特征图，池化前</translation>
    </message>
    <message>
        <source>pool1 — 6 maps of 14×14, after the first pooling</source>
        <translation>pool1 — 6 张 14×14 的特征图，第一次池化后</translation>
    </message>
    <message>
        <source>conv2 — 16 maps of 10×10, before pooling</source>
        <translation>conv2 — 16 张 10×10 的特征图，池化前</translation>
    </message>
    <message>
        <source>pool2 — 16 maps of 5×5, after the second pooling</source>
        <translation>pool2 — 16 张 5×5 的特征图，第二次池化后</translation>
    </message>
    <message>
        <source>Show the convolution maps before pooling</source>
        <translation>显示池化前的卷积特征图</translation>
    </message>
    <message>
        <source>Point at a map to read its values.</source>
        <translation>把鼠标指向特征图，即可读出数值。</translation>
    </message>
</context>
<context>
    <name>ImageInput</name>
    <message>
        <source>is a folder, not an image</source>
        <translation>是文件夹，不是图像</translation>
    </message>
    <message>
        <source>is not a regular file (a pipe or a device)</source>
        <translation>不是普通文件（而是管道或设备）</translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>cannot be read (permission denied)</source>
        <translation>无法读取（没有权限）</translation>
    </message>
    <message>
        <source>is not an image in a format that can be read</source>
        <translation>不是能读取的图像格式</translation>
    </message>
    <message>
        <source>is too large to be a drawing</source>
        <translation>太大了，不像是一幅手写图</translation>
    </message>
    <message>
        <source>the image is {width}x{height} pixels, too large to be a drawing</source>
        <translation>图像有 {width}x{height} 像素，太大了，不像是一幅手写图</translation>
    </message>
    <message>
        <source>is {width}x{height} pixels, too large to be a drawing</source>
        <translation>有 {width}x{height} 像素，太大了，不像是一幅手写图</translation>
    </message>
    <message>
        <source>is damaged or truncated ({error})</source>
        <translation>已损坏或不完整（{error}）</translation>
    </message>
    <message>
        <source>{name} {reason}</source>
        <translation>“{name}”{reason}</translation>
    </message>
    <message>
        <source>the image is empty</source>
        <translation>图像是空的</translation>
    </message>
</context>
<context>
    <name>KernelsView</name>
    <message>
        <source>Convolution kernels</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>conv1 — 6 filters of 5×5, one per map (on the 1-channel input)</source>
        <translation>conv1 — 6 个 5×5 卷积核，每张特征图一个（输入为单通道）</translation>
    </message>
    <message>
        <source>conv2 — 16 filters (columns), each 6 channels (rows) of 5×5</source>
        <translation>conv2 — 16 个卷积核（列），每个有 6 个 5×5 的通道（行）</translation>
    </message>
    <message>
        <source>Point at a weight to read its value.</source>
        <translation>把鼠标指向某个权重，即可读出它的值。</translation>
    </message>
    <message>
        <source>Blue: negative · white: zero · red: positive. Full colour at conv1 ±{one:.2f}, conv2 ±{two:.2f} (point at a weight for its exact value).</source>
        <translation>蓝：负 · 白：零 · 红：正。颜色最深处对应 conv1 ±{one:.2f}、conv2 ±{two:.2f}（指向权重可看精确值）。</translation>
    </message>
    <message>
        <source>{layer} · filter {filter} · input channel {channel} · row {row}, column {column} · weight {value:+.3f}</source>
        <translation>{layer} · 第 {filter} 个卷积核 · 输入通道 {channel} · 第 {row} 行，第 {column} 列 · 权重 {value:+.3f}</translation>
    </message>
</context>
<context>
    <name>LanguageActions</name>
    <message>
        <source>Finish or cancel the training before changing the language.</source>
        <translation>请等训练结束或先取消训练，再切换语言。</translation>
    </message>
    <message>
        <source>The translation for {language} is missing.</source>
        <translation>缺少{language}的翻译文件。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CNN Desktop — draw a digit</source>
        <translation>CNN Desktop — 写一个数字</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <source>No model: use Model → Load weights…</source>
        <translation>没有模型：请用“模型 → 加载权重…”</translation>
    </message>
    <message>
        <source>Load weights</source>
        <translation>加载权重</translation>
    </message>
    <message>
        <source>Weights (*.safetensors);;All files (*)</source>
        <translation>权重文件 (*.safetensors);;所有文件 (*)</translation>
    </message>
    <message>
        <source>About CNN Desktop</source>
        <translation>关于 CNN Desktop</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff);;All files (*)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Opened {name}</source>
        <translation>已打开 {name}</translation>
    </message>
    <message>
        <source>Cannot use the image: {reason}</source>
        <translation>无法使用该图像：{reason}</translation>
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation>剪贴板里没有图像。</translation>
    </message>
    <message>
        <source>Save drawing</source>
        <translation>保存绘图</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Cannot save the drawing to {path}.</source>
        <translation>无法把绘图保存到 {path}。</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>CNN Desktop</source>
        <translation>CNN Desktop</translation>
    </message>
</context>
<context>
    <name>ModelManager</name>
    <message>
        <source>The model is still loading; try again in a moment.</source>
        <translation>模型仍在加载，请稍后再试。</translation>
    </message>
    <message>
        <source>Cannot load the weights {error}. The current model stays.</source>
        <translation>无法加载权重：{error}。继续使用当前模型。</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <source>test accuracy unknown</source>
        <translation>测试准确率未知</translation>
    </message>
    <message>
        <source>test accuracy {accuracy:.2%}</source>
        <translation>测试准确率 {accuracy:.2%}</translation>
    </message>
    <message>
        <source>trained now</source>
        <translation>刚刚训练的</translation>
    </message>
    <message>
        <source>LeNet, max pooling, {widths}</source>
        <translation>LeNet，最大池化，{widths}</translation>
    </message>
    <message>
        <source>LeNet, avg pooling, {widths}</source>
        <translation>LeNet，平均池化，{widths}</translation>
    </message>
    <message>
        <source>&lt;h3&gt;CNN Desktop&lt;/h3&gt;&lt;p&gt;Draw a digit and watch a small LeNet-style convolutional network classify it live: the probabilities, the 28×28 image the network sees, and its feature maps after each pooling layer.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CNN Desktop&lt;/h3&gt;&lt;p&gt;写一个数字，看一个 LeNet 式的小型卷积神经网络实时识别它：各个数字的概率、网络看到的 28×28 图像，以及每个池化层之后的特征图。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Model:&lt;/b&gt; {architecture}&lt;br&gt;&lt;b&gt;Test accuracy:&lt;/b&gt; {accuracy}&lt;br&gt;&lt;b&gt;Weights:&lt;/b&gt; {source}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;模型：&lt;/b&gt;{architecture}&lt;br&gt;&lt;b&gt;测试准确率：&lt;/b&gt;{accuracy}&lt;br&gt;&lt;b&gt;权重：&lt;/b&gt;{source}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>{0:.2%} on MNIST&apos;s 10,000 test digits</source>
        <translation>在 MNIST 的 10,000 个测试数字上为 {0:.2%}</translation>
    </message>
    <message>
        <source>trained in this session</source>
        <translation>本次运行中训练的</translation>
    </message>
</context>
<context>
    <name>NetworkInputView</name>
    <message>
        <source>The 28 by 28 image the network sees</source>
        <translation>网络看到的 28×28 图像</translation>
    </message>
</context>
<context>
    <name>PredictionPanel</name>
    <message>
        <source>Predicted digit</source>
        <translation>预测的数字</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>What the network sees (28×28)</source>
        <translation>网络看到的图像（28×28）</translation>
    </message>
    <message>
        <source>Probabilities (softmax)</source>
        <translation>概率（softmax）</translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>写一个数字</translation>
    </message>
    <message>
        <source>{confidence} sure</source>
        <translation>置信度 {confidence}</translation>
    </message>
</context>
<context>
    <name>ProbabilityPlot</name>
    <message>
        <source>Probability of each digit</source>
        <translation>每个数字的概率</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
</context>
<context>
    <name>RetrainDialog</name>
    <message>
        <source>Retrain the model</source>
        <translation>重新训练模型</translation>
    </message>
    <message>
        <source>Passes over the training data. One pass over MNIST takes about 10 s here.</source>
        <translation>把训练数据完整过几遍。在这台电脑上过一遍 MNIST 约需 10 秒。</translation>
    </message>
    <message>
        <source>Images per training step.</source>
        <translation>每个训练步骤使用的图像数。</translation>
    </message>
    <message>
        <source>Peak learning rate of the one-cycle schedule.</source>
        <translation>单周期学习率调度中的最高学习率。</translation>
    </message>
    <message>
        <source>How the weights are updated.</source>
        <translation>更新权重的方法。</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大池化</translation>
    </message>
    <message>
        <source>average</source>
        <translation>平均池化</translation>
    </message>
    <message>
        <source>Pooling kind of the new model (training from scratch only).</source>
        <translation>新模型的池化方式（仅在从头训练时可选）。</translation>
    </message>
    <message>
        <source>Random rotations, scalings, shifts and pen widths</source>
        <translation>随机旋转、缩放、平移和改变笔画粗细</translation>
    </message>
    <message>
        <source>Makes the model forgive the way people draw.</source>
        <translation>让模型更能包容每个人不同的写法。</translation>
    </message>
    <message>
        <source>MNIST</source>
        <translation>MNIST</translation>
    </message>
    <message>
        <source>MNIST + my drawings ({count})</source>
        <translation>MNIST + 我的手写数字（{count}）</translation>
    </message>
    <message>
        <source>My drawings only ({count}), fine-tuning the current model</source>
        <translation>只用我的手写数字（{count}），微调当前模型</translation>
    </message>
    <message>
        <source>What to learn from.</source>
        <translation>用哪些数据训练。</translation>
    </message>
    <message>
        <source>default MNIST folder</source>
        <translation>默认的 MNIST 文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Download MNIST (about 11 MB) through torchvision.</source>
        <translation>通过 torchvision 下载 MNIST（约 11 MB）。</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>池化</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>数据增强</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>MNIST folder</source>
        <translation>MNIST 文件夹</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Cancel training</source>
        <translation>取消训练</translation>
    </message>
    <message>
        <source>Use this model</source>
        <translation>使用这个模型</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{error} Or train on your drawings only.</source>
        <translation>{error} 也可以只用你的手写数字训练。</translation>
    </message>
    <message>
        <source>MNIST found in {folder}</source>
        <translation>已在 {folder} 中找到 MNIST</translation>
    </message>
    <message>
        <source>Folder with the MNIST files</source>
        <translation>存放 MNIST 文件的文件夹</translation>
    </message>
    <message>
        <source>Downloading MNIST…</source>
        <translation>正在下载 MNIST…</translation>
    </message>
    <message>
        <source>The current model is still loading.</source>
        <translation>当前模型仍在加载。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{epochs} · batch {batch}/{batches} · {m}:{s:02d} left</source>
        <translation>第 {epoch}/{epochs} 轮 · 第 {batch}/{batches} 批 · 还剩 {m}:{s:02d}</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>未测量</translation>
    </message>
    <message>
        <source>MNIST test accuracy: &lt;b&gt;new {new}&lt;/b&gt; · current {current}</source>
        <translation>MNIST 测试准确率：&lt;b&gt;新模型 {new}&lt;/b&gt; · 当前模型 {current}</translation>
    </message>
    <message>
        <source>On {count} of your drawings kept out of training: &lt;b&gt;new {after}&lt;/b&gt; · current {before}</source>
        <translation>在未参与训练的 {count} 个你的手写数字上：&lt;b&gt;新模型 {after}&lt;/b&gt; · 当前模型 {before}</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Cancelled; the current model is unchanged</source>
        <translation>已取消；当前模型不变</translation>
    </message>
    <message>
        <source>The new model is in use.</source>
        <translation>新模型已启用。</translation>
    </message>
    <message>
        <source>Discarded; the current model is unchanged.</source>
        <translation>已放弃；当前模型不变。</translation>
    </message>
</context>
<context>
    <name>SaliencyView</name>
    <message>
        <source>Why this answer</source>
        <translation>为什么是这个答案</translation>
    </message>
    <message>
        <source>Red pixels pushed the answer up, blue pixels pushed it down (gradient × input of its logit); blank paper counts for nothing.</source>
        <translation>红色像素推高了这个答案的得分，蓝色像素拉低了它（对其 logit 求的梯度 × 输入）；空白处不起作用。</translation>
    </message>
    <message>
        <source>Draw a digit to see which pixels decide.</source>
        <translation>写一个数字，看看哪些像素起了决定作用。</translation>
    </message>
    <message>
        <source>Why {digit}? Pixels that pushed its score up (red) or down (blue).</source>
        <translation>为什么是 {digit}？红色像素推高了它的得分，蓝色像素拉低了它的得分。</translation>
    </message>
</context>
<context>
    <name>SamplesError</name>
    <message>
        <source>not a cnn-desktop samples file</source>
        <translation>不是 CNN Desktop 的手写样本文件</translation>
    </message>
    <message>
        <source>inconsistent contents</source>
        <translation>内容前后不一致</translation>
    </message>
    <message>
        <source>not a readable samples file ({error})</source>
        <translation>不是可读取的手写样本文件（{error}）</translation>
    </message>
</context>
<context>
    <name>SamplesView</name>
    <message>
        <source>My drawings</source>
        <translation>我的手写数字</translation>
    </message>
    <message>
        <source>Delete selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Skipped {count} damaged file(s): {names}</source>
        <translation>跳过了 {count} 个损坏的文件：{names}</translation>
    </message>
    <message>
        <source>All digits ({count})</source>
        <translation>全部数字（{count}）</translation>
    </message>
    <message>
        <source>{digit} ({count})</source>
        <translation>{digit}（{count}）</translation>
    </message>
    <message>
        <source>Could not delete: {error}</source>
        <translation>无法删除：{error}</translation>
    </message>
    <message>
        <source>Export my drawings</source>
        <translation>导出我的手写数字</translation>
    </message>
    <message>
        <source>Digit samples (*.npz)</source>
        <translation>数字样本 (*.npz)</translation>
    </message>
    <message>
        <source>Could not export: {error}</source>
        <translation>无法导出：{error}</translation>
    </message>
    <message>
        <source>Exported {count} drawings to {name}</source>
        <translation>已把 {count} 个手写数字导出到 {name}</translation>
    </message>
    <message>
        <source>Import drawings</source>
        <translation>导入手写数字</translation>
    </message>
    <message>
        <source>Could not import {name}: {error}</source>
        <translation>无法导入 {name}：{error}</translation>
    </message>
    <message>
        <source>Imported {count} new drawings</source>
        <translation>已导入 {count} 个新的手写数字</translation>
    </message>
</context>
<context>
    <name>SoftmaxView</name>
    <message>
        <source>Softmax explained</source>
        <translation>图解 softmax</translation>
    </message>
    <message>
        <source>Logits z (the last layer&apos;s raw scores)</source>
        <translation>logits z（最后一层的原始得分）</translation>
    </message>
    <message>
        <source>softmax(z / T): probabilities</source>
        <translation>softmax(z / T)：概率</translation>
    </message>
    <message>
        <source>Softmax temperature</source>
        <translation>softmax 温度</translation>
    </message>
    <message>
        <source>if it is a </source>
        <translation>假如它是 </translation>
    </message>
    <message>
        <source>Probabilities are in [0, 1], add up to 1 and never reach exactly 0. The temperature T only changes this picture: T &lt; 1 sharpens, T &gt; 1 flattens, the order of the digits stays, and the prediction does not change.</source>
        <translation>概率都在 [0, 1] 之间，总和为 1，且永远不会恰好为 0。温度 T 只改变这张图：T &lt; 1 更尖锐，T &gt; 1 更平坦，各数字的先后顺序不变，预测结果也不变。</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>T = {value:.2f}</source>
        <translation>T = {value:.2f}</translation>
    </message>
    <message>
        <source>Draw a digit.</source>
        <translation>写一个数字。</translation>
    </message>
    <message>
        <source>loss = −ln p({digit}) = {loss}: small when the network is sure and right, large when it is sure and wrong</source>
        <translation>损失 = −ln p({digit}) = {loss}：网络有把握且答对时很小，有把握却答错时很大</translation>
    </message>
</context>
<context>
    <name>StageMaps</name>
    <message>
        <source>{stage} · channel {channel} of {count} · row {row}, column {column} · value {value:.3f}</source>
        <translation>{stage} · 第 {channel}/{count} 个通道 · 第 {row} 行，第 {column} 列 · 值 {value:.3f}</translation>
    </message>
</context>
<context>
    <name>TeachPanel</name>
    <message>
        <source>Teach the right digit</source>
        <translation>教它正确的数字</translation>
    </message>
    <message>
        <source>Wrong? Teach the right digit (or type it):</source>
        <translation>认错了？点一下正确的数字来教它（也可以直接按数字键）：</translation>
    </message>
    <message>
        <source>Save this drawing as a {digit}</source>
        <translation>把这幅图保存为 {digit}</translation>
    </message>
</context>
<context>
    <name>Teaching</name>
    <message>
        <source>Skipped {count} damaged saved drawing(s); the others are loaded: {names}</source>
        <translation>跳过了 {count} 个已损坏的手写数字，其余的已加载：{names}</translation>
    </message>
    <message>
        <source>The model is still loading; try again in a moment.</source>
        <translation>模型仍在加载，请稍后再试。</translation>
    </message>
    <message>
        <source>Draw a digit first, then choose the right one.</source>
        <translation>请先写一个数字，再选择正确的答案。</translation>
    </message>
    <message>
        <source>Could not save the drawing: {error}</source>
        <translation>无法保存这幅图：{error}</translation>
    </message>
    <message>
        <source>Saved as {digit}. You have taught {total} drawings ({count} of {digit}).</source>
        <translation>已保存为 {digit}。你一共教了 {total} 个手写数字（其中 {count} 个是 {digit}）。</translation>
    </message>
    <message>
        <source>The new model is in use but could not be saved ({error}); it will be gone when the app closes.</source>
        <translation>新模型已启用，但无法保存（{error}）；关闭程序后它就没有了。</translation>
    </message>
</context>
<context>
    <name>TestSetView</name>
    <message>
        <source>Test-set explorer</source>
        <translation>测试集浏览器</translation>
    </message>
    <message>
        <source>The confusion matrix of the current model on MNIST&apos;s test images.</source>
        <translation>当前模型在 MNIST 测试图像上的混淆矩阵。</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Choose MNIST folder…</source>
        <translation>选择 MNIST 文件夹…</translation>
    </message>
    <message>
        <source>Rows: the true digit · columns: the model&apos;s answer. Click a cell to see its images.</source>
        <translation>行：真实数字 · 列：模型的答案。点击一个格子，查看其中的图像。</translation>
    </message>
    <message>
        <source>Put on the canvas</source>
        <translation>放到画布上</translation>
    </message>
    <message>
        <source>MNIST folder</source>
        <translation>MNIST 文件夹</translation>
    </message>
    <message>
        <source>The model is still loading.</source>
        <translation>模型仍在加载。</translation>
    </message>
    <message>
        <source>Classifying the test images…</source>
        <translation>正在识别测试图像…</translation>
    </message>
    <message>
        <source>{correct:,} of {total:,} test images right ({accuracy:.2%}); {wrong:,} mistakes, off the diagonal.</source>
        <translation>{total:,} 张测试图像中识别正确 {correct:,} 张（{accuracy:.2%}）；{wrong:,} 个错误，都在对角线之外。</translation>
    </message>
    <message>
        <source>{count} images of a {true} read as {predicted}</source>
        <translation>{count} 张 {true} 被识别成 {predicted}</translation>
    </message>
    <message>
        <source>{count:,} images of a {true}, read correctly</source>
        <translation>{count:,} 张 {true}，识别正确</translation>
    </message>
    <message>
        <source>{count:,} images of a {true} read as {predicted}</source>
        <translation>{count:,} 张 {true} 被识别成 {predicted}</translation>
    </message>
    <message>
        <source> (the first {shown} shown)</source>
        <translation>（只显示前 {shown} 张）</translation>
    </message>
    <message>
        <source>. Double-click one to put it on the canvas.</source>
        <translation>。双击一张即可放到画布上。</translation>
    </message>
</context>
<context>
    <name>TestSetWorker</name>
    <message>
        <source>The test set could not be classified: {error}</source>
        <translation>无法识别测试集：{error}</translation>
    </message>
</context>
<context>
    <name>TrainingCurves</name>
    <message>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>training (batches)</source>
        <translation>训练（逐批）</translation>
    </message>
    <message>
        <source>MNIST test (epochs)</source>
        <translation>MNIST 测试（逐轮）</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <source>Training failed: {error}</source>
        <translation>训练失败：{error}</translation>
    </message>
    <message>
        <source>Loading MNIST…</source>
        <translation>正在加载 MNIST…</translation>
    </message>
    <message>
        <source>There are no saved drawings yet: teach some digits first, or train on MNIST.</source>
        <translation>还没有保存的手写数字：请先教几个数字，或者用 MNIST 训练。</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
</context>
<context>
    <name>WeightsError</name>
    <message>
        <source>cannot be read ({error})</source>
        <translation>无法读取（{error}）</translation>
    </message>
    <message>
        <source>is not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <source>is {megabytes} MB, too large for this model</source>
        <translation>有 {megabytes} MB，对这个模型来说太大</translation>
    </message>
    <message>
        <source>is not a valid safetensors file ({error})</source>
        <translation>不是有效的 safetensors 文件（{error}）</translation>
    </message>
    <message>
        <source>is not a cnn-desktop weights file (no architecture)</source>
        <translation>不是 CNN Desktop 的权重文件（没有网络结构信息）</translation>
    </message>
    <message>
        <source>has unreadable metadata ({error})</source>
        <translation>元数据无法读取（{error}）</translation>
    </message>
    <message>
        <source>does not match the architecture (missing {missing}, unexpected {unexpected})</source>
        <translation>与网络结构不符（缺少 {missing}，多出 {unexpected}）</translation>
    </message>
    <message>
        <source>tensor {name} has shape {shape}, expected {expected}</source>
        <translation>张量 {name} 的形状是 {shape}，应为 {expected}</translation>
    </message>
    <message>
        <source>tensor {name} is {dtype}, not floating point</source>
        <translation>张量 {name} 的类型是 {dtype}，不是浮点数</translation>
    </message>
    <message>
        <source>tensor {name} holds NaN or infinite values</source>
        <translation>张量 {name} 含有 NaN 或无穷大的值</translation>
    </message>
    <message>
        <source>{name}: {reason}</source>
        <translation>{name}：{reason}</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Open image…</source>
        <translation>打开图像(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save drawing…</source>
        <translation>保存绘图(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>清除(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste image</source>
        <translation>粘贴图像(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Eraser</source>
        <translation>橡皮擦(&amp;E)</translation>
    </message>
    <message>
        <source>Show &amp;convolution maps before pooling</source>
        <translation>显示池化前的卷积特征图(&amp;C)</translation>
    </message>
    <message>
        <source>Conv maps</source>
        <translation>卷积特征图</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Load weights…</source>
        <translation>加载权重(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Max pooling</source>
        <translation>最大池化(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Average pooling</source>
        <translation>平均池化(&amp;A)</translation>
    </message>
    <message>
        <source>Max pool</source>
        <translation>最大池化</translation>
    </message>
    <message>
        <source>Avg pool</source>
        <translation>平均池化</translation>
    </message>
    <message>
        <source>&amp;Reset to bundled model</source>
        <translation>恢复自带模型(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;train…</source>
        <translation>重新训练(&amp;T)…</translation>
    </message>
    <message>
        <source>My &amp;drawings…</source>
        <translation>我的手写数字(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Teach panel</source>
        <translation>教学面板(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;About CNN Desktop</source>
        <translation>关于 CNN Desktop(&amp;A)</translation>
    </message>
    <message>
        <source>Brush width (about 22 gives MNIST-like strokes)</source>
        <translation>画笔粗细（约 22 时笔画与 MNIST 最接近）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Pooling</source>
        <translation>池化(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source> Brush </source>
        <translation> 画笔 </translation>
    </message>
</context>
</TS>
