namespace Zero.Rl.Algorithms;

/// <summary>The minibatch scratch of <see cref="Sac"/>: every array one gradient step needs, allocated once per run.</summary>
internal sealed class SacBatch
{
    public SacBatch(int size, int obsSize, int act)
    {
        Size = size;
        Obs = new float[size * obsSize];
        NextObs = new float[size * obsSize];
        Actions = new float[size * act];
        Rewards = new float[size];
        Terminated = new float[size];
        Targets = new float[size];
        LogProbs = new float[size];
        Noise = new float[size * act];
        PiActions = new float[size * act];
        CriticInput = new float[size * (obsSize + act)];
        GradQ = new float[size];
        GradQ2 = new float[size];
        Q1Pi = new float[size];
        GradInput = new float[size * (obsSize + act)];
        GradInput2 = new float[size * (obsSize + act)];
        GradAction = new float[size * act];
        ActorOut = new float[size * 2 * act];
        GradActorOut = new float[size * 2 * act];
    }

    public int Size { get; }
    public float[] Obs { get; }
    public float[] NextObs { get; }
    public float[] Actions { get; }
    public float[] Rewards { get; }
    public float[] Terminated { get; }
    public float[] Targets { get; }
    public float[] LogProbs { get; }
    public float[] Noise { get; }
    public float[] PiActions { get; }
    public float[] CriticInput { get; }
    public float[] GradQ { get; }
    public float[] GradQ2 { get; }
    public float[] Q1Pi { get; }
    public float[] GradInput { get; }
    public float[] GradInput2 { get; }
    public float[] GradAction { get; }
    public float[] ActorOut { get; }
    public float[] GradActorOut { get; }
}
