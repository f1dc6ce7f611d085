using System.Text.Json;
using System.Text.Json.Serialization;

namespace SciaticaRelief.Cli.Client;

/// <summary>
/// Where `relief login` keeps the server and the token: $XDG_CONFIG_HOME/relief/config.json
/// (~/.config when unset), the file readable by its owner only (0600) in a directory only they can
/// enter (0700), since the token is as good as the password for the API.
/// </summary>
internal sealed record ClientConfig(
    [property: JsonPropertyName("server")] string Server,
    [property: JsonPropertyName("token")] string Token)
{
    /// <summary>Configuration key (tests, or a wrapper script) that replaces $XDG_CONFIG_HOME.</summary>
    public const string ConfigHomeKey = "Cli:ConfigHome";

    private const UnixFileMode FileMode600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode DirectoryMode700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static string PathFor(IDictionary<string, string?>? overrides)
    {
        var home = overrides is not null && overrides.TryGetValue(ConfigHomeKey, out var o) && !string.IsNullOrEmpty(o) ? o
            : Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return Path.Combine(home, "relief", "config.json");
    }

    public static ClientConfig? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            var config = JsonSerializer.Deserialize<ClientConfig>(File.ReadAllText(path));
            return config is { Server.Length: > 0, Token.Length: > 0 } ? config : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Save(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, JsonSerializer.Serialize(this));
            return;
        }
        Directory.CreateDirectory(directory, DirectoryMode700);
        File.SetUnixFileMode(directory, DirectoryMode700);
        // Created 0600 from the first byte (not chmod-ed after the token is already in it).
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = FileMode600 };
        using (var stream = new FileStream(path, options))
        {
            JsonSerializer.Serialize(stream, this);
        }
        File.SetUnixFileMode(path, FileMode600);
    }

    public static bool Delete(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }
        File.Delete(path);
        return true;
    }
}
