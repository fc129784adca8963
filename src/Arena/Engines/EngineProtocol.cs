namespace Zero.Arena.Engines;

/// <summary>How Zero talks to an external engine: UCI (chess) or GTP (Go; its participant arrives with the Go rules).</summary>
public enum EngineProtocol
{
    Uci,
    Gtp,
}
