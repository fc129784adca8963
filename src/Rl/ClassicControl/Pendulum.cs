using Zero.Rl.Environments;
using Zero.Rl.Spaces;

namespace Zero.Rl.ClassicControl;

/// <summary>
/// Pendulum-v1, ported from Gymnasium's <c>classic_control/pendulum.py</c>: u = clip(u, ±2), cost =
/// norm(θ)² + 0.1θ̇² + 0.001u² from the state before the step, semi-implicit update θ̇' = clip(θ̇ + (3g/(2l)·sinθ +
/// 3/(ml²)·u)·dt, ±8), θ' = θ + θ̇'·dt (θ is not wrapped). Never terminates. State layout: [θ, θ̇].
/// </summary>
public sealed class Pendulum : ClassicControlEnvironment
{
    /// <summary>Limits and constants.</summary>
    public const double MaxSpeed = 8, MaxTorque = 2.0, Dt = 0.05, Mass = 1.0, LengthL = 1.0;

    /// <summary>Creates Pendulum-v1 with gravity <paramref name="gravity"/> (Gymnasium's default g = 10).</summary>
    public Pendulum(double gravity = 10.0) : base(2)
    {
        Gravity = gravity;
        ObservationSpace = new BoxSpace([-1f, -1f, (float)-MaxSpeed], [1f, 1f, (float)MaxSpeed]);
    }

    /// <summary>The gravity constant g.</summary>
    public double Gravity { get; }

    /// <summary>Reset bounds: θ ~ U(−X, X), θ̇ ~ U(−Y, Y) (Gymnasium's options x_init / y_init).</summary>
    public double ResetX { get; set; } = Math.PI;

    /// <inheritdoc cref="ResetX"/>
    public double ResetY { get; set; } = 1.0;

    /// <inheritdoc/>
    public override Space ObservationSpace { get; }

    /// <inheritdoc/>
    public override Space ActionSpace { get; } = BoxSpace.Uniform((float)-MaxTorque, (float)MaxTorque, 1);

    /// <inheritdoc/>
    protected override void ResetState()
    {
        State[0] = Random.Uniform(-ResetX, ResetX);
        State[1] = Random.Uniform(-ResetY, ResetY);
    }

    /// <inheritdoc/>
    protected override void WriteObservation(Span<float> observation)
    {
        observation[0] = (float)Math.Cos(State[0]);
        observation[1] = (float)Math.Sin(State[0]);
        observation[2] = (float)State[1];
    }

    /// <summary>((x + π) mod 2π) − π with Python's sign convention for mod (C# % keeps the dividend's sign).</summary>
    public static double AngleNormalize(double x)
    {
        const double twoPi = 2 * Math.PI;
        double r = (x + Math.PI) % twoPi;
        if (r < 0)
        {
            r += twoPi;
        }
        return r - Math.PI;
    }

    /// <inheritdoc/>
    public override StepResult Step(ReadOnlySpan<float> action, Span<float> observation)
    {
        if (action.Length != 1 || float.IsNaN(action[0]))
        {
            throw new ArgumentException($"Pendulum takes one finite torque, got {action.Length} values.", nameof(action));
        }
        double th = State[0], thDot = State[1];
        const double m = Mass, l = LengthL, dt = Dt;

        // 1. Clip the torque (float32, as the action array is) and cost the state before the step. The terms in u
        //    are computed in float64 here, as the spec says; NumPy 2 would round 3/(ml²)·u and 0.001·u² to float32
        //    (a relative difference below 1e-7).
        double u = Math.Clamp(action[0], (float)-MaxTorque, (float)MaxTorque);
        double normTh = AngleNormalize(th);
        double costs = (normTh * normTh) + (0.1 * (thDot * thDot)) + (0.001 * (u * u));

        // 2. Semi-implicit Euler: velocity first (clipped), then the angle with the new velocity.
        double newThDot = thDot + ((((3 * Gravity) / (2 * l) * Math.Sin(th)) + (3.0 / (m * (l * l)) * u)) * dt);
        newThDot = Math.Clamp(newThDot, -MaxSpeed, MaxSpeed);
        double newTh = th + (newThDot * dt);
        State[0] = newTh;
        State[1] = newThDot;
        WriteObservation(observation);
        return new StepResult(-costs, false, false);
    }
}
