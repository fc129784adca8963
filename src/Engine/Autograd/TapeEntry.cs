using Zero.Engine.Tensors;

namespace Zero.Engine.Autograd;

/// <summary>
/// One recorded operation: its kind, inputs, output and whatever the backward pass needs (saved tensors, integer and
/// float arguments). A plain struct in an array owned by the <see cref="Tape"/>, reused from step to step.
/// </summary>
internal struct TapeEntry
{
    public OpKind Kind;
    public Tensor Out;
    public Tensor? A;
    public Tensor? B;
    public Tensor? C;
    public Tensor? Saved1;
    public Tensor? Saved2;
    public int I0;
    public int I1;
    public int I2;
    public int I3;
    public float F0;
    public float F1;
    public object? Obj;
}
