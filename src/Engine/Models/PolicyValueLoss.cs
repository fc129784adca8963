using Zero.Engine.Tensors;

namespace Zero.Engine.Models;

/// <summary>
/// The AlphaZero training loss of one batch, from <see cref="PolicyValueNet.Loss"/>: Total (a [1] tape tensor to call
/// Backward on) and its two parts as plain numbers for logging. The L2 term is the optimizer's weight decay.
/// </summary>
public readonly record struct PolicyValueLoss(Tensor Total, float PolicyLoss, float ValueLoss);
