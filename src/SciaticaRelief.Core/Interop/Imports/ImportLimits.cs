namespace SciaticaRelief.Core.Interop.Imports;

/// <summary>
/// Bounds on one import, so a huge or hostile file is refused before it costs memory or time.
/// Ten years of several entries a day fit well inside them.
/// </summary>
public static class ImportLimits
{
    /// <summary>The largest file accepted (also the largest a zip may expand to).</summary>
    public const long MaxBytes = 32L * 1024 * 1024;

    /// <summary>The most rows of all kinds one import may hold.</summary>
    public const int MaxRows = 200_000;

    /// <summary>A parser stops collecting errors after this many: the first ones are what the Person fixes.</summary>
    public const int MaxErrors = 50;
}
