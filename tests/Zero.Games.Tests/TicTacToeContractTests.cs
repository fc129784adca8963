using Zero.Games.TicTacToe;

namespace Zero.Games.Tests;

public sealed class TicTacToeContractTests : GameContractTests<TicTacToePosition, TicTacToeMove>;
