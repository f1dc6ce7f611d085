using SciaticaRelief.Core.Validation;

namespace SciaticaRelief.Core.Treatments;

/// <summary>A follow-up the Person has not given yet and may give now.</summary>
public sealed record DueFollowUp(Guid TreatmentId, string ModalityId, DateTime StartedAtUtc, string TimeZoneId, int HoursAfter);

/// <summary>
/// Follow-ups: the pain 24 and 48 hours after a Treatment. A massage session prompts for both;
/// any Treatment may have them. Each may be given from 12 hours before its time (the next morning
/// counts) and is prompted until 24 hours after it. There is one follow-up per Treatment and
/// number of hours: a second one is refused (409), never merged or overwritten silently; delete
/// the first to give it again.
/// </summary>
public static class FollowUps
{
    public static IReadOnlyList<int> Hours { get; } = [24, 48];

    /// <summary>How early before its time a follow-up may be given.</summary>
    public static readonly TimeSpan Early = TimeSpan.FromHours(12);

    /// <summary>How long after its time the dashboard keeps prompting.</summary>
    public static readonly TimeSpan PromptFor = TimeSpan.FromHours(24);

    public const int NotesMaxLength = 1000;

    /// <summary>The kinds whose Treatments prompt for follow-ups on the dashboard.</summary>
    public static bool IsPrompted(TreatmentKind kind) => kind == TreatmentKind.Massage;

    public static DateTime OpensAtUtc(DateTime startedAtUtc, int hours) => startedAtUtc + TimeSpan.FromHours(hours) - Early;

    public static ValidationErrors Validate(int? hours, int? pain, string? notes, DateTime startedAtUtc, DateTime nowUtc, out string? cleanNotes)
    {
        var errors = new ValidationErrors();
        cleanNotes = TextRules.Clean(notes, "notes", "Notes", NotesMaxLength, errors);
        if (hours is not { } h || !Hours.Contains(h))
        {
            errors.Add("hoursAfter", "A follow-up is for 24 or 48 hours after the treatment.");
        }
        else if (nowUtc < OpensAtUtc(startedAtUtc, h))
        {
            errors.Add("hoursAfter", $"It is too early for the {h}-hour follow-up: it opens {h - (int)Early.TotalHours} hours after the treatment.");
        }
        errors.Range("pain", "Pain", pain, 0, 10, required: true);
        return errors;
    }

    /// <summary>The follow-ups to prompt for now, oldest first.</summary>
    public static IReadOnlyList<DueFollowUp> Due(IEnumerable<Treatment> treatments, IEnumerable<(Guid TreatmentId, int HoursAfter)> given, DateTime nowUtc)
    {
        var done = given.ToHashSet();
        var due = new List<DueFollowUp>();
        foreach (var t in treatments.Where(t => IsPrompted(t.Kind)).OrderBy(t => t.StartedAtUtc))
        {
            foreach (var h in Hours)
            {
                var opens = OpensAtUtc(t.StartedAtUtc, h);
                var closes = t.StartedAtUtc + TimeSpan.FromHours(h) + PromptFor;
                if (nowUtc >= opens && nowUtc < closes && !done.Contains((t.Id, h)))
                {
                    due.Add(new DueFollowUp(t.Id, t.ModalityId, t.StartedAtUtc, t.TimeZoneId, h));
                }
            }
        }
        return due;
    }

    /// <summary>How far back a treatment can be and still have a follow-up prompted.</summary>
    public static TimeSpan PromptHorizon => TimeSpan.FromHours(Hours.Max()) + PromptFor;
}
