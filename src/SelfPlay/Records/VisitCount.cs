namespace Zero.SelfPlay.Records;

/// <summary>
/// One entry of a sparse visit distribution: how often the search visited the child reached by
/// <see cref="Action"/>. Self-play stores only visited actions; the trainer normalises the counts into the
/// policy target π.
/// </summary>
public readonly record struct VisitCount(int Action, int Visits);
