using Zero.Games.ConnectFour;

namespace Zero.Games.Tests.ConnectFour;

public sealed class ConnectFourContractTests : GameContractTests<ConnectFourPosition, ConnectFourMove>;
