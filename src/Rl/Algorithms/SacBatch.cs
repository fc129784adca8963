namespace Zero.Rl.Algorithms;

/// <summary>The minibatch scratch of <see cref="Sac"/>: every array one gradient step needs, allocated once per run (latent 0 without gSDE).</summary>
internal sealed class SacBatch
{
    public SacBatch(int size, int obsSize, int act, int latent)
    {
        Size = size;
        Obs = new float[size * obsSize];
        NextObs = new float[size * obsSize];
        Actions = new float[size * act];
        Rewards = new float[size];
        Terminated = new float[size];
        Targets = new float[size];
        PiActions = new float[size * act];
        CriticInput = new float[size * (obsSize + act)];
        ActorOut = new float[size * 2 * act];
        Q1 = new float[size];
        Q2 = new float[size];
        Latent = new float[size * latent];
        Mean = new float[latent > 0 ? size * act : 0];
    }

    public int Size { get; }
    public float[] Obs { get; }
    public float[] NextObs { get; }
    public float[] Actions { get; }
    public float[] Rewards { get; }
    public float[] Terminated { get; }
    public float[] Targets { get; }
    public float[] PiActions { get; }
    public float[] CriticInput { get; }
    public float[] ActorOut { get; }
    public float[] Q1 { get; }
    public float[] Q2 { get; }

    /// <summary>gSDE only (else empty): the actor's features θ [size, latent] and clamped means μ [size, act].</summary>
    public float[] Latent { get; }
    public float[] Mean { get; }
}
