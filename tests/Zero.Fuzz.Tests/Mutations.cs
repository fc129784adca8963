using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;

namespace Zero.Fuzz.Tests;

/// <summary>
/// Generators of hostile inputs: valid seeds with a few random edits (characters replaced, inserted, deleted,
/// duplicated; words swapped; numbers made huge or negative; bytes flipped; files cut short), plus plain noise. Edits of
/// valid text get past the first checks of a parser and into its corners, where noise alone rarely goes.
/// </summary>
public static class Mutations
{
    private static readonly string[] Nasty =
    [
        "", " ", "-", "0", "-1", "99999", "2147483648", "-2147483649", "99999999999999999999", "1e999", "NaN", "-0",
        "\0", "\u00e9", "\ud83d\ude00", "\t", "\r", "//", "[", "]", "{", "}", "\"", "'", ",", ":", "/", "\\", "moves",
    ];

    /// <summary>A random printable-ish string (ASCII mostly, some control and non-ASCII characters).</summary>
    public static Gen<string> Noise(string alphabet) =>
        Gen.Frequency(
                (8, Gen.Elements(alphabet.ToCharArray())),
                (1, Gen.Choose(0, 0xFFFF).Select(c => (char)c)))
            .ArrayOf()
            .Select(chars => new string(chars));

    /// <summary>One of <paramref name="seeds"/> with 1 to 4 text edits.</summary>
    public static Gen<string> Text(IReadOnlyList<string> seeds) =>
        from seed in Gen.Elements(seeds.ToArray())
        from edits in Gen.Choose(1, 4)
        from rolls in Gen.Choose(0, int.MaxValue).ArrayOf(edits * 3)
        select Edit(seed, rolls);

    /// <summary>Mutated seeds most of the time, noise over <paramref name="alphabet"/> the rest.</summary>
    public static Gen<string> TextOrNoise(IReadOnlyList<string> seeds, string alphabet) =>
        Gen.Frequency((6, Text(seeds)), (1, Noise(alphabet)), (1, Gen.Elements(seeds.ToArray())));

    private static string Edit(string text, int[] rolls)
    {
        var s = new System.Text.StringBuilder(text);
        for (int i = 0; i + 2 < rolls.Length; i += 3)
        {
            int at = s.Length == 0 ? 0 : rolls[i + 1] % (s.Length + 1);
            switch (rolls[i] % 7)
            {
                case 0 when s.Length > 0 && at < s.Length:
                    s[at] = (char)(32 + rolls[i + 2] % 95);
                    break;
                case 1:
                    s.Insert(at, (char)(32 + rolls[i + 2] % 95));
                    break;
                case 2 when s.Length > 0 && at < s.Length:
                    s.Remove(at, Math.Min(1 + rolls[i + 2] % 4, s.Length - at));
                    break;
                case 3:
                    s.Insert(at, Nasty[rolls[i + 2] % Nasty.Length]);
                    break;
                case 4 when s.Length > 0:
                    int len = Math.Min(1 + rolls[i + 2] % 12, s.Length - Math.Min(at, s.Length - 1));
                    s.Insert(at, s.ToString(Math.Min(at, s.Length - 1), Math.Max(0, len)));
                    break;
                case 5:
                    string[] words = s.ToString().Split(' ');
                    if (words.Length > 1)
                    {
                        int a = rolls[i + 1] % words.Length, b = rolls[i + 2] % words.Length;
                        (words[a], words[b]) = (words[b], words[a]);
                        s.Clear().Append(string.Join(' ', words));
                    }
                    break;
                default:
                    // Replace a run of digits with a nasty number.
                    int d = 0;
                    while (d < s.Length && !char.IsAsciiDigit(s[(at + d) % s.Length]))
                    {
                        d++;
                    }
                    if (d < s.Length)
                    {
                        int start = (at + d) % s.Length, end = start;
                        while (end < s.Length && char.IsAsciiDigit(s[end]))
                        {
                            end++;
                        }
                        s.Remove(start, end - start).Insert(start, Nasty[3 + rolls[i + 2] % 8]);
                    }
                    break;
            }
        }
        return s.ToString();
    }

    /// <summary>
    /// One of <paramref name="seeds"/> (whole files) with bytes flipped, overwritten with extreme integers, or cut short;
    /// when <paramref name="fixChecksum"/>, half the time the trailing SHA-256 is recomputed so the damage reaches the
    /// layout parser behind the checksum.
    /// </summary>
    public static Gen<byte[]> Bytes(IReadOnlyList<byte[]> seeds, bool fixChecksum) =>
        from seed in Gen.Elements(seeds.ToArray())
        from edits in Gen.Choose(1, 6)
        from rolls in Gen.Choose(0, int.MaxValue).ArrayOf(edits * 3)
        from fix in Gen.Elements(fixChecksum, false)
        select EditBytes(seed, rolls, fix);

    private static byte[] EditBytes(byte[] seed, int[] rolls, bool fix)
    {
        byte[] b = (byte[])seed.Clone();
        int body = Math.Max(0, b.Length - 32);
        for (int i = 0; i + 2 < rolls.Length && b.Length > 0; i += 3)
        {
            // Most damage lands in the first 256 bytes, where the header and lengths live.
            int at = rolls[i + 1] % 2 == 0 ? rolls[i + 1] % Math.Min(256, b.Length) : rolls[i + 1] % b.Length;
            switch (rolls[i] % 5)
            {
                case 0:
                    b[at] ^= (byte)(1 << (rolls[i + 2] % 8));
                    break;
                case 1:
                    b[at] = (byte)rolls[i + 2];
                    break;
                case 2 when at + 4 <= b.Length:
                    int[] extremes = [0, -1, int.MaxValue, int.MinValue, 1 << 30, 65536, 255];
                    BitConverter.TryWriteBytes(b.AsSpan(at, 4), extremes[rolls[i + 2] % extremes.Length]);
                    break;
                case 3:
                    Array.Resize(ref b, rolls[i + 2] % (b.Length + 1));
                    body = Math.Max(0, b.Length - 32);
                    break;
                default:
                    b[at] = 0;
                    break;
            }
        }
        if (fix && b.Length >= 32)
        {
            SHA256.HashData(b.AsSpan(0, body)).CopyTo(b.AsSpan(body));
        }
        return b;
    }
}
