using System.Buffers.Binary;
using Zero.SelfPlay.Records;

namespace Zero.SelfPlay.Tests.Records;

public class GameRecordCodecTests
{
    [Fact]
    public void Crc32_CheckString_MatchesStandardValue()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
    }

    [Fact]
    public void EncodeDecode_RandomGamesOfBothGames_RoundTripLosslessly()
    {
        var random = new Random(5);
        for (int i = 0; i < 200; i++)
        {
            GameRecord record = i % 2 == 0 ? TestGames.RandomTicTacToe(random, i) : TestGames.RandomConnectFour(random, i);
            record = record with
            {
                Flags = (GameRecordFlags)(i % 8),
                ResignPly = i % 3 == 0 ? -1 : i % 7,
            };
            byte[] bytes = GameRecordCodec.Encode(record);
            Assert.True(GameRecordCodec.TryDecode(bytes, out GameRecord? back, out string? error), error);
            Assert.True(record.ContentEquals(back!), $"record {i} changed in the round trip");
        }
    }

    [Fact]
    public void EncodeDecode_UnsearchedMovesAndSpecialValues_RoundTrip()
    {
        var record = new GameRecord
        {
            Game = "connect4",
            Generation = 0,
            Outcome = -1,
            Flags = GameRecordFlags.Resigned,
            ResignPly = 4,
            Moves =
            [
                RecordedMove.Unsearched(3),
                new RecordedMove(3, -0.0f, [new VisitCount(3, 1)]),
                new RecordedMove(6, 1f, [new VisitCount(0, int.MaxValue), new VisitCount(6, 0)]),
            ],
        };
        Assert.True(GameRecordCodec.TryDecode(GameRecordCodec.Encode(record), out GameRecord? back, out string? error), error);
        Assert.True(record.ContentEquals(back!));
        Assert.False(back!.Moves[0].IsSearched);
        Assert.True(float.IsNaN(back.Moves[0].RootValue));
    }

    [Fact]
    public void Encode_ConnectFourGameWithFullVisits_IsCompact()
    {
        var random = new Random(1);
        int total = 0, moves = 0;
        for (int i = 0; i < 50; i++)
        {
            GameRecord record = TestGames.RandomConnectFour(random);
            total += GameRecordCodec.Encode(record).Length;
            moves += record.Moves.Count;
        }
        // Against a naive dense layout (7 float32 probabilities + float32 value + one action byte = 33 bytes per move),
        // with random (incompressible) visit counts up to 300 at every move: at most two thirds of that.
        Assert.True(total < moves * 33 * 2 / 3, $"{total} bytes for {moves} moves");
    }

    [Fact]
    public void TryDecode_NewerVersion_RefusedWithUpdateMessage()
    {
        byte[] bytes = GameRecordCodec.Encode(TestGames.RandomTicTacToe(new Random(2)));
        bytes[2] = GameRecordCodec.CurrentVersion + 1;
        Assert.False(GameRecordCodec.TryDecode(bytes, out GameRecord? record, out string? error));
        Assert.Null(record);
        Assert.Contains("newer", error);
        Assert.Contains("update zero", error);
    }

    [Fact]
    public void TryDecode_FlippedBodyByte_ReportsChecksumMismatch()
    {
        byte[] bytes = GameRecordCodec.Encode(TestGames.RandomConnectFour(new Random(3)));
        bytes[^2] ^= 0x40;
        Assert.False(GameRecordCodec.TryDecode(bytes, out _, out string? error));
        Assert.Contains("checksum", error);
    }

    [Fact]
    public void TryDecode_GarbageAndTruncatedInput_NeverThrows()
    {
        var random = new Random(4);
        byte[] good = GameRecordCodec.Encode(TestGames.RandomConnectFour(random));
        for (int length = 0; length < good.Length; length++)
        {
            Assert.False(GameRecordCodec.TryDecode(good.AsSpan(0, length), out _, out string? error));
            Assert.False(string.IsNullOrEmpty(error));
        }
        for (int i = 0; i < 500; i++)
        {
            byte[] junk = new byte[random.Next(0, 64)];
            random.NextBytes(junk);
            Assert.False(GameRecordCodec.TryDecode(junk, out _, out _));
        }
    }

    [Fact]
    public void TryDecode_ValidChecksumOverBadPayload_ReportsDamage()
    {
        // A body that passes the checksum but does not inflate to a valid payload (e.g. written by a buggy tool).
        byte[] bytes = [(byte)'Z', (byte)'R', 1, 0, 0, 0, 0, 0x01, 0x02, 0x00, 0xFD, 0xFF, 0xAA, 0xBB];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(3), Crc32.Compute(bytes.AsSpan(7)));
        Assert.False(GameRecordCodec.TryDecode(bytes, out _, out string? error));
        Assert.Contains("damaged", error);
    }

    [Fact]
    public void IsResignFalsePositive_PlayedOutGameWonByWouldBeResigner_IsTrue()
    {
        var record = new GameRecord
        {
            Game = "connect4",
            Generation = 1,
            Outcome = 1,
            Flags = GameRecordFlags.ResignDisabled,
            ResignPly = 12,
            Moves = [],
        };
        Assert.True(record.IsResignFalsePositive);
        Assert.False((record with { ResignPly = 13 }).IsResignFalsePositive);
        Assert.False((record with { Flags = GameRecordFlags.None }).IsResignFalsePositive);
    }
}
