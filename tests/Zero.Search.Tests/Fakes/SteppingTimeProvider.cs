namespace Zero.Search.Tests.Fakes;

/// <summary>A clock that moves forward by a fixed step every time it is read, so time limits are tested without waiting.</summary>
internal sealed class SteppingTimeProvider(TimeSpan step) : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks);
}
