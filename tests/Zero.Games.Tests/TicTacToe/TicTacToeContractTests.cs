using Zero.Games.TicTacToe;

namespace Zero.Games.Tests.TicTacToe;

public sealed class TicTacToeContractTests : GameContractTests<TicTacToePosition, TicTacToeMove>;
