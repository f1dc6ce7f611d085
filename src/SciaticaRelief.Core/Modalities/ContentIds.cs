using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace SciaticaRelief.Core.Modalities;

/// <summary>
/// The one rule for the stable ids of content (modalities, topics, points, medicine ingredients):
/// kebab-case, at most 64 characters, because they are stored with the Person's rows and appear in URLs.
/// </summary>
public static partial class ContentIds
{
    public const int MaxLength = 64;

    public static bool IsValid([NotNullWhen(true)] string? id) => id is { Length: > 0 and <= MaxLength } && KebabCase().IsMatch(id);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
