using Zero.Rl.Environments;
using Zero.Rl.Spaces;

namespace Zero.Rl.ClassicControl;

/// <summary>
/// MountainCar-v0, ported from Gymnasium's <c>classic_control/mountain_car.py</c>: v += (a−1)·0.001 −
/// 0.0025·cos(3x), clip v, x += v, clip x, stop at the left wall; reward −1 per step; terminated when x ≥ 0.5 and
/// v ≥ 0. Dynamics in float64. State layout: [x, v].
/// </summary>
public sealed class MountainCar : ClassicControlEnvironment
{
    /// <summary>Position and speed limits, goal.</summary>
    public const double MinPosition = -1.2, MaxPosition = 0.6, MaxSpeed = 0.07, GoalPosition = 0.5, GoalVelocity = 0.0;

    private const double Force = 0.001;
    private const double Gravity = 0.0025;

    /// <summary>Creates MountainCar-v0.</summary>
    public MountainCar() : base(2) =>
        ObservationSpace = new BoxSpace([(float)MinPosition, (float)-MaxSpeed], [(float)MaxPosition, (float)MaxSpeed]);

    /// <inheritdoc/>
    public override Space ObservationSpace { get; }

    /// <inheritdoc/>
    public override Space ActionSpace { get; } = new DiscreteSpace(3);

    /// <inheritdoc/>
    protected override void ResetState()
    {
        State[0] = Random.Uniform(-0.6, -0.4);
        State[1] = 0.0;
    }

    /// <inheritdoc/>
    protected override void WriteObservation(Span<float> observation)
    {
        observation[0] = (float)State[0];
        observation[1] = (float)State[1];
    }

    /// <inheritdoc/>
    public override StepResult Step(ReadOnlySpan<float> action, Span<float> observation)
    {
        int a = DiscreteAction(action, 3, "MountainCar");
        double position = State[0], velocity = State[1];

        // 1. Velocity from the push and the slope, clipped; then position, clipped; the left wall stops the car.
        velocity += ((a - 1) * Force) + (Math.Cos(3 * position) * -Gravity);
        velocity = Math.Clamp(velocity, -MaxSpeed, MaxSpeed);
        position += velocity;
        position = Math.Clamp(position, MinPosition, MaxPosition);
        if (position == MinPosition && velocity < 0)
        {
            velocity = 0;
        }

        // 2. Goal test.
        bool terminated = position >= GoalPosition && velocity >= GoalVelocity;
        State[0] = position;
        State[1] = velocity;
        WriteObservation(observation);
        return new StepResult(-1.0, terminated, false);
    }
}
