namespace SciaticaRelief.Data.Accounts;

/// <summary>
/// A personal access token for API and CLI clients. Only its SHA-256 is stored: the token has 256
/// random bits, so a fast hash is enough and a slow password hash would only cost every request.
/// </summary>
public sealed class AccessToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the token text.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>The first characters of the token, shown in the list so the owner can tell tokens apart.</summary>
    public string Prefix { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
    public DateTime? LastUsedAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
}

/// <summary>The one-time setup secret printed on an empty install; only its hash is kept.</summary>
public sealed class SetupSecret
{
    public int Id { get; set; }
    public string SecretHash { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>Install-wide settings an administrator changes at run time (one row).</summary>
public sealed class InstallSettings
{
    public int Id { get; set; }

    /// <summary>Clinic mode: anyone may create an account. Off by default.</summary>
    public bool SignUpsOpen { get; set; }

    public int Version { get; set; }
}
