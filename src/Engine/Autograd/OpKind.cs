namespace Zero.Engine.Autograd;

/// <summary>
/// The operations a <see cref="Tape"/> can record. The backward pass switches on this value instead of calling a
/// delegate, so recording an operation allocates nothing (see <see cref="TapeEntry"/>).
/// </summary>
internal enum OpKind
{
    Add,
    Sub,
    Mul,
    AddScalar,
    Scale,
    Relu,
    Tanh,
    Sigmoid,
    Softplus,
    Exp,
    Log,
    Square,
    Clamp,
    Minimum,
    Maximum,
    Linear,
    MatMul,
    Conv2d,
    BatchNorm2d,
    Sum,
    Mean,
    SumAxis,
    Reshape,
    Concat,
    SliceColumns,
    GlobalAvgPool,
    ScaleChannels,
    Softmax,
    LogSoftmax,
    Gather,
    SoftCrossEntropy,
    Mse,
    Huber,
    CategoricalLogProb,
    CategoricalEntropy,
    GaussianLogProb,
    GaussianEntropy,
    TanhSquashCorrection,
}
