using Zero.Rl.Environments;
using Zero.Rl.Spaces;

namespace Zero.Rl.ClassicControl;

/// <summary>
/// MountainCarContinuous-v0, ported from Gymnasium's <c>classic_control/continuous_mountain_car.py</c>: force =
/// clip(a, −1, 1), v += force·0.0015 − 0.0025·cos(3x), the same clips and wall as MountainCar, goal 0.45.
/// Reward 100 on reaching the goal minus 0.1·a² with the unclipped action. The state is stored as float32 after
/// every step (the reset state is float64). State layout: [x, v].
/// </summary>
public sealed class MountainCarContinuous : ClassicControlEnvironment
{
    /// <summary>Bounds and goal.</summary>
    public const double MinPosition = -1.2, MaxPosition = 0.6, MaxSpeed = 0.07, GoalPosition = 0.45, GoalVelocity = 0.0;

    private const double Power = 0.0015;

    /// <summary>Creates MountainCarContinuous-v0.</summary>
    public MountainCarContinuous() : base(2) =>
        ObservationSpace = new BoxSpace([(float)MinPosition, (float)-MaxSpeed], [(float)MaxPosition, (float)MaxSpeed]);

    /// <inheritdoc/>
    public override Space ObservationSpace { get; }

    /// <inheritdoc/>
    public override Space ActionSpace { get; } = BoxSpace.Uniform(-1f, 1f, 1);

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
        if (action.Length != 1 || float.IsNaN(action[0]))
        {
            throw new ArgumentException($"MountainCarContinuous takes one finite force in [-1, 1], got {action.Length} values.", nameof(action));
        }
        double position = State[0], velocity = State[1];

        // 1. Clip the force, then velocity (clipped), position (clipped) and the left wall.
        double force = Math.Min(Math.Max(action[0], -1.0), 1.0);
        velocity += (force * Power) - (0.0025 * Math.Cos(3 * position));
        velocity = Math.Min(Math.Max(velocity, -MaxSpeed), MaxSpeed);
        position += velocity;
        position = Math.Min(Math.Max(position, MinPosition), MaxPosition);
        if (position == MinPosition && velocity < 0)
        {
            velocity = 0;
        }

        // 2. Goal bonus, minus the energy cost of the unclipped action.
        bool terminated = position >= GoalPosition && velocity >= GoalVelocity;
        double reward = terminated ? 100.0 : 0.0;
        reward -= Math.Pow(action[0], 2) * 0.1;

        // 3. Gymnasium keeps the state as a float32 array after every step.
        State[0] = (float)position;
        State[1] = (float)velocity;
        WriteObservation(observation);
        return new StepResult(reward, terminated, false);
    }
}
