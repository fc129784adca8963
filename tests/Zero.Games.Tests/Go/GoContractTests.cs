using Zero.Games.Go;

namespace Zero.Games.Tests.Go;

/// <summary>Go on a 5×5 frame passes the shared game contract (the canonical text ignores the history planes).</summary>
public sealed class GoContractTests : GameContractTests<GoPosition<Go5>, GoMove>
{
    protected override int RandomGames => 60;

    protected override string Canonical(GoPosition<Go5> position) => GoPictures.Canonical(position);
}

/// <summary>Go on the 9×9 frame passes the shared game contract (slow: symmetries replay whole games).</summary>
[Trait("Category", "Slow")]
public sealed class Go9ContractTests : GameContractTests<GoPosition<Go9>, GoMove>
{
    protected override int RandomGames => 20;

    protected override string Canonical(GoPosition<Go9> position) => GoPictures.Canonical(position);
}
