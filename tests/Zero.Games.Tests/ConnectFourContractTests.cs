using Zero.Games.ConnectFour;

namespace Zero.Games.Tests;

public sealed class ConnectFourContractTests : GameContractTests<ConnectFourPosition, ConnectFourMove>;
