using Zero.SelfPlay.Records;

namespace Zero.SelfPlay.Storage;

/// <summary>A game read back from a store with its row id (ids grow in insertion order).</summary>
public readonly record struct StoredGame(long Id, GameRecord Record);
