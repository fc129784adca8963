using FsCheck;
using FsCheck.Xunit;

namespace Zero.Fuzz.Tests;

/// <summary>
/// The fast half of the fuzzing (default test run): each parser of outside input as an FsCheck property over a few
/// hundred hostile inputs — it returns or throws only its documented exception. FuzzSuiteTests runs the same
/// targets over more than 100,000 inputs in CI.
/// </summary>
public sealed class ParserPropertyTests
{
    [Property(MaxTest = 300)]
    public Property Fen_HostileText_ParsesOrRefusesAndRoundTrips() => FuzzTargets.Fen.Property();

    [Property(MaxTest = 300)]
    public Property San_HostileText_ParsesOrRefuses() => FuzzTargets.San.Property();

    [Property(MaxTest = 300)]
    public Property UciMove_HostileText_ParsesOrRefuses() => FuzzTargets.UciMove.Property();

    [Property(MaxTest = 200)]
    public Property Pgn_HostileText_ReadsOrRefuses() => FuzzTargets.Pgn.Property();

    [Property(MaxTest = 300)]
    public Property UciPosition_HostileLine_ParsesOrRefuses() => FuzzTargets.UciPositionLine.Property();

    [Property(MaxTest = 300)]
    public Property UciGo_HostileLine_ParsesOrRefuses() => FuzzTargets.UciGoLine.Property();

    [Property(MaxTest = 15)]
    public Property UciSession_HostileLines_EveryGoGetsABestMove() => FuzzTargets.UciSession.Property();

    [Property(MaxTest = 300)]
    public Property GameNotation_HostileText_ParsesOrRefuses() => FuzzTargets.GameNotation.Property();

    [Property(MaxTest = 100)]
    public Property RunConfig_HostileJson_LoadsOrRefusesWithAMessage() => FuzzTargets.RunConfigFile.Property();

    [Property(MaxTest = 100)]
    public Property RunConfigOverride_HostileAssignment_AppliesOrRefusesWithAMessage() => FuzzTargets.RunConfigOverride.Property();

    [Property(MaxTest = 100)]
    public Property RlConfig_HostileJson_AppliesOrRefusesWithAMessage() => FuzzTargets.RlConfig.Property();

    [Property(MaxTest = 200)]
    public Property Weights_DamagedBytes_ReadOrRefusedWithAMessage() => FuzzTargets.WeightsContainer.Property();

    [Property(MaxTest = 50)]
    public Property WeightsNetwork_DamagedFile_LoadsOrRefusesWithAMessage() => FuzzTargets.WeightsNetwork.Property();

    [Property(MaxTest = 100)]
    public Property RlModel_DamagedBytes_LoadsOrRefusesWithAMessage() => FuzzTargets.RlModel.Property();

    [Property(MaxTest = 300)]
    public Property GameRecord_DamagedBytes_DecodesOrRefuses() => FuzzTargets.GameRecord.Property();

    [Property(MaxTest = 300)]
    public Property Sgf_HostileText_ReadsAndReplaysOrRefuses() => FuzzTargets.Sgf.Property();
}
