using Zero.Engine.Tensors;

namespace Zero.Engine.Models;

/// <summary>
/// What <see cref="PolicyValueNet.Forward"/> returns: policy logits [N, PolicySize] and the value head's output —
/// [N, 1] after tanh for a scalar head, or win/draw/loss logits [N, 3]. Both are tape tensors (valid until the tape's
/// slots are reused).
/// </summary>
public readonly record struct PolicyValueOutput(Tensor PolicyLogits, Tensor Value);
