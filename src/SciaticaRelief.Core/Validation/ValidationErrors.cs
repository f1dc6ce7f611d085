namespace SciaticaRelief.Core.Validation;

/// <summary>
/// Errors keyed by field name (the API's camelCase names), in the shape of RFC 9457 problem
/// details' "errors" member, so the web form, the API and the CLI show the same messages.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
    }

    public void AddAll(ValidationErrors other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (field, messages) in other._errors)
        {
            foreach (var message in messages)
            {
                Add(field, message);
            }
        }
    }

    public void Range(string field, string label, int? value, int min, int max, bool required = false)
    {
        if (value is null)
        {
            if (required)
            {
                Add(field, $"{label} is required.");
            }
            return;
        }
        if (value < min || value > max)
        {
            Add(field, $"{label} must be a whole number from {min} to {max}.");
        }
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);

    public IEnumerable<string> For(string field) =>
        _errors.TryGetValue(field, out var list) ? list : [];

    public IEnumerable<string> All => _errors.SelectMany(kv => kv.Value);
}

/// <summary>Validated value or the reasons it is not valid.</summary>
public sealed record Validated<T>(T? Value, ValidationErrors Errors) where T : class
{
    public bool IsValid => Errors.IsEmpty && Value is not null;
}
