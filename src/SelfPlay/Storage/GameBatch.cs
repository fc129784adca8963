namespace Zero.SelfPlay.Storage;

/// <summary>
/// The games returned by one read from a store, plus the rows that could not be decoded. A damaged row never
/// stops a run: the reader skips it and the caller reports <see cref="Problems"/> (one line each, naming the row).
/// </summary>
public sealed record GameBatch(IReadOnlyList<StoredGame> Games, IReadOnlyList<string> Problems);
