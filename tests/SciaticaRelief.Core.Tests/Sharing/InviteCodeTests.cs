using SciaticaRelief.Core.Sharing;

namespace SciaticaRelief.Core.Tests.Sharing;

public sealed class InviteCodeTests
{
    [Fact]
    public void New_Has160RandomBits_InGroupsOfFour()
    {
        var codes = Enumerable.Range(0, 50).Select(_ => InviteCode.New()).ToList();

        Assert.All(codes, c => Assert.Matches("^([A-Z2-7]{4}-){7}[A-Z2-7]{4}$", c));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.True(InviteCode.Bytes * 8 >= 128);
    }

    [Theory]
    // why: RFC 4648 test vectors (without padding).
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Encode_Rfc4648Vectors(string text, string expected)
    {
        Assert.Equal(expected, InviteCode.Encode(System.Text.Encoding.ASCII.GetBytes(text)));
    }

    [Theory]
    // why: what people do to a code when they copy or type it: case, spaces, no dashes.
    [InlineData("abcd-efgh-ijkl-mnop-qrst-uvwx-yz23-4567", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")]
    [InlineData(" ABCD EFGH IJKL MNOP QRST UVWX YZ23 4567 ", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")]
    // why: too short, too long, and characters outside base32 (0, 1, 8, 9) are not codes at all.
    [InlineData("ABCD-EFGH", null)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ2345677", null)]
    [InlineData("0BCDEFGHIJKLMNOPQRSTUVWXYZ234567", null)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ234518", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Normalize_Cases(string? text, string? expected)
    {
        Assert.Equal(expected, InviteCode.Normalize(text));
    }

    [Fact]
    public void Hash_IsLowerHexSha256_OfTheNormalizedCode()
    {
        var code = InviteCode.New();

        var hash = InviteCode.Hash(InviteCode.Normalize(code)!);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, InviteCode.Hash(InviteCode.Normalize(code.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal))!));
    }
}
