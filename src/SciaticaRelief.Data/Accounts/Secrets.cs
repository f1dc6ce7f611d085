using System.Security.Cryptography;
using System.Text;

namespace SciaticaRelief.Data.Accounts;

/// <summary>Random secrets (access tokens, setup links, feed tokens) and their stored hashes.</summary>
public static class Secrets
{
    /// <summary>A URL-safe secret of <paramref name="bytes"/> random bytes, with a readable prefix.</summary>
    public static string New(string prefix, int bytes = 32) =>
        prefix + Base64Url(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>Lower-case hex SHA-256. Enough for high-entropy secrets; never for passwords.</summary>
    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares hashes in constant time.</summary>
    public static bool HashEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));

    private static string Base64Url(byte[] data) =>
        Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
