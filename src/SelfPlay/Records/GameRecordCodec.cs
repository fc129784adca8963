using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Zero.SelfPlay.Records;

/// <summary>
/// The compact, versioned binary encoding of a <see cref="GameRecord"/>. The experience stores keep one encoded
/// record per game; the trainer decodes them. Decoding never throws on bad bytes: a damaged or foreign record is
/// reported with a message and skipped by the caller, and a record written by a newer build is refused with a
/// message saying to update.
/// <code>
/// offset  size  field
///  0      2     magic "ZR"
///  2      1     format version (1)
///  3      4     CRC-32 of the body bytes that follow (little-endian)
///  7      ...   body: Deflate-compressed payload
///
/// payload (varint = unsigned LEB128):
///  varint  game-name byte length, then the UTF-8 name
///  varint  generation
///  byte    outcome for the first player + 1 (0 loss, 1 draw, 2 win)
///  byte    flags (GameRecordFlags)
///  varint  resign ply + 1 (0 = none)
///  varint  move count
///  per move:
///    varint  action
///    varint  number of visited children (0 = not searched)
///    if searched: float32 root value (little-endian), then per child: varint action, varint visits
/// </code>
/// </summary>
public static class GameRecordCodec
{
    /// <summary>The format version this build writes and the newest it reads.</summary>
    public const byte CurrentVersion = 1;

    private const int HeaderSize = 7;
    private const int MaxMoves = 1 << 16;

    /// <summary>Encodes <paramref name="record"/>.</summary>
    public static byte[] Encode(GameRecord record)
    {
        // 1. Write the payload uncompressed.
        var payload = new MemoryStream();
        byte[] name = Encoding.UTF8.GetBytes(record.Game);
        WriteVarint(payload, (uint)name.Length);
        payload.Write(name);
        WriteVarint(payload, checked((uint)record.Generation));
        payload.WriteByte((byte)(Math.Clamp(record.Outcome, -1, 1) + 1));
        payload.WriteByte((byte)record.Flags);
        WriteVarint(payload, (uint)(record.ResignPly + 1));
        WriteVarint(payload, (uint)record.Moves.Count);
        Span<byte> f32 = stackalloc byte[4];
        foreach (RecordedMove move in record.Moves)
        {
            WriteVarint(payload, checked((uint)move.Action));
            WriteVarint(payload, (uint)move.Visits.Length);
            if (move.Visits.Length > 0)
            {
                BinaryPrimitives.WriteSingleLittleEndian(f32, move.RootValue);
                payload.Write(f32);
                foreach (VisitCount v in move.Visits)
                {
                    WriteVarint(payload, checked((uint)v.Action));
                    WriteVarint(payload, checked((uint)v.Visits));
                }
            }
        }

        // 2. Compress it and put the header with the checksum in front.
        var output = new MemoryStream();
        output.Write([(byte)'Z', (byte)'R', CurrentVersion, 0, 0, 0, 0]);
        using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            payload.Position = 0;
            payload.CopyTo(deflate);
        }
        byte[] bytes = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(3), Crc32.Compute(bytes.AsSpan(HeaderSize)));
        return bytes;
    }

    /// <summary>
    /// Decodes <paramref name="bytes"/>; on failure returns false with a one-line reason in <paramref name="error"/>
    /// (damaged, not a record, or written by a newer version of zero).
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out GameRecord? record, out string? error)
    {
        record = null;
        // 1. Header: magic, version, checksum.
        if (bytes.Length < HeaderSize || bytes[0] != (byte)'Z' || bytes[1] != (byte)'R')
        {
            error = "not a game record (bad magic bytes): the row was damaged or written by another program";
            return false;
        }
        byte version = bytes[2];
        if (version > CurrentVersion)
        {
            error = $"game record format version {version} is newer than this build of zero reads (up to {CurrentVersion}): "
                + "update zero (git pull, then rebuild) to read this run";
            return false;
        }
        if (version == 0)
        {
            error = "game record format version 0 does not exist: the row is damaged";
            return false;
        }
        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(bytes[3..]);
        if (Crc32.Compute(bytes[HeaderSize..]) != stored)
        {
            error = "game record damaged (checksum mismatch)";
            return false;
        }

        // 2. Inflate and parse the payload.
        byte[] payload;
        try
        {
            using var deflate = new DeflateStream(new MemoryStream(bytes[HeaderSize..].ToArray()), CompressionMode.Decompress);
            var inflated = new MemoryStream();
            deflate.CopyTo(inflated);
            payload = inflated.ToArray();
        }
        catch (InvalidDataException e)
        {
            error = $"game record damaged (cannot decompress: {e.Message})";
            return false;
        }
        var reader = new PayloadReader(payload);
        if (!reader.TryParse(out record, out error))
        {
            record = null;
            error = $"game record damaged ({error})";
            return false;
        }
        return true;
    }

    private static void WriteVarint(Stream stream, uint value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        stream.WriteByte((byte)value);
    }

    /// <summary>Bounds-checked reader of the payload; every read reports truncation instead of throwing.</summary>
    private ref struct PayloadReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _pos;

        public bool TryParse(out GameRecord? record, out string? error)
        {
            record = null;
            error = "truncated payload";
            if (!TryVarint(out uint nameLength) || nameLength > 64 || _pos + nameLength > _data.Length)
            {
                return false;
            }
            string game = Encoding.UTF8.GetString(_data.Slice(_pos, (int)nameLength));
            _pos += (int)nameLength;
            if (!TryVarint(out uint generation) || !TryByte(out byte outcome) || !TryByte(out byte flags)
                || !TryVarint(out uint resign) || !TryVarint(out uint moveCount))
            {
                return false;
            }
            if (outcome > 2 || moveCount > MaxMoves || generation > int.MaxValue)
            {
                error = "field out of range";
                return false;
            }
            var moves = new RecordedMove[moveCount];
            for (int i = 0; i < moves.Length; i++)
            {
                if (!TryVarint(out uint action) || !TryVarint(out uint children) || children > MaxMoves)
                {
                    return false;
                }
                if (children == 0)
                {
                    moves[i] = RecordedMove.Unsearched((int)action);
                    continue;
                }
                if (_pos + 4 > _data.Length)
                {
                    return false;
                }
                float rootValue = BinaryPrimitives.ReadSingleLittleEndian(_data[_pos..]);
                _pos += 4;
                var visits = new VisitCount[children];
                for (int c = 0; c < visits.Length; c++)
                {
                    if (!TryVarint(out uint childAction) || !TryVarint(out uint count) || count > int.MaxValue)
                    {
                        return false;
                    }
                    visits[c] = new VisitCount((int)childAction, (int)count);
                }
                moves[i] = new RecordedMove((int)action, rootValue, visits);
            }
            if (_pos != _data.Length)
            {
                error = "trailing bytes after the last move";
                return false;
            }
            record = new GameRecord
            {
                Game = game,
                Generation = (int)generation,
                Outcome = outcome - 1,
                Flags = (GameRecordFlags)flags,
                ResignPly = (int)resign - 1,
                Moves = moves,
            };
            error = null;
            return true;
        }

        private bool TryByte(out byte value)
        {
            if (_pos >= _data.Length)
            {
                value = 0;
                return false;
            }
            value = _data[_pos++];
            return true;
        }

        private bool TryVarint(out uint value)
        {
            value = 0;
            for (int shift = 0; shift < 35; shift += 7)
            {
                if (!TryByte(out byte b))
                {
                    return false;
                }
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
