using System.ComponentModel.DataAnnotations;

namespace SciaticaRelief.Data;

public enum DatabaseProvider
{
    Sqlite = 0,
    Postgres = 1,
}

/// <summary>
/// Which database the app uses (section "Database"). SQLite by default, in the user's data folder;
/// PostgreSQL when <see cref="Provider"/> says so, with a connection string.
/// </summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For PostgreSQL: the Npgsql connection string. For SQLite: optional, overrides <see cref="SqlitePath"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The SQLite file; defaults to relief.db in the user's data folder.</summary>
    public string? SqlitePath { get; set; }

    /// <summary>Back up the SQLite file before applying migrations.</summary>
    public bool BackupBeforeMigrate { get; set; } = true;

    public static string DefaultSqlitePath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "SciaticaRelief", "relief.db");

    public string ResolvedSqlitePath => SqlitePath ?? DefaultSqlitePath;

    public string ResolvedConnectionString => Provider switch
    {
        DatabaseProvider.Postgres => ConnectionString ?? "",
        DatabaseProvider.Sqlite => ConnectionString ?? $"Data Source={ResolvedSqlitePath}",
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Database:Provider is Postgres but Database:ConnectionString is empty. Set it, e.g. Database__ConnectionString=\"Host=...;Database=relief;Username=...;Password=...\".",
                [nameof(ConnectionString)]);
        }
    }
}
