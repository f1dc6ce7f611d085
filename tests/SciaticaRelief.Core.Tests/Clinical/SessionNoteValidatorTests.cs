using SciaticaRelief.Core.Clinical;
using SciaticaRelief.Core.Tests.Treatments;

namespace SciaticaRelief.Core.Tests.Clinical;

/// <summary>The rules of a SOAP note, a table of cases, each saying why.</summary>
public sealed class SessionNoteValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static readonly SessionNoteInput Valid = new(
        Today.AddDays(-1), "Pain down the left leg.", "Tender piriformis.", "Piriformis involvement.", "Weekly for 4 weeks.",
        3, ["thigh", "buttock"], ["swedish-massage"], ClientResponse.Better, 6, 3);

    private static Validated Validate(SessionNoteInput input, SessionNote? amending = null, string? reason = null) =>
        new(SessionNoteValidator.Validate(input, Today, TreatmentContent.Catalog, amending, reason));

    private sealed record Validated(Core.Validation.Validated<SessionNoteValues> Result)
    {
        public IEnumerable<string> Fields(string field) => Result.Errors.For(field);
    }

    public static TheoryData<string, SessionNoteInput> ValidNotes => new()
    {
        { "every field given", Valid },
        { "a session today", Valid with { SessionDate = Today } },
        { "exactly a year back is still allowed", Valid with { SessionDate = Today.AddYears(-1) } },
        { "only the subjective part: the structured fields are optional", new(Today, "Felt looser.", null, null, null, null, [], [], null, null, null) },
        { "only the plan", new(Today, null, null, null, "Rebook in a week.", null, [], [], null, null, null) },
        { "the ends of the ranges", Valid with { Pressure = 5, PainBefore = 10, PainAfter = 0 } },
        { "a repeated area or technique is kept once (checkbox lists)", Valid with { Areas = ["calf", "calf"], Techniques = ["acupuncture", "acupuncture"] } },
        { "HTML is kept as typed: it is shown escaped, never run", Valid with { Subjective = "<script>alert(1)</script> & <b>bold</b>" } },
    };

    [Theory]
    [MemberData(nameof(ValidNotes))]
    public void Validate_ValidNote_Passes(string why, SessionNoteInput input)
    {
        var result = SessionNoteValidator.Validate(input, Today, TreatmentContent.Catalog);

        Assert.True(result.IsValid, why + ": " + string.Join(" | ", result.Errors.All));
    }

    public static TheoryData<string, SessionNoteInput, string> InvalidNotes => new()
    {
        { "no date: a note belongs to a session", Valid with { SessionDate = null }, "sessionDate" },
        { "tomorrow's session has not happened", Valid with { SessionDate = Today.AddDays(1) }, "sessionDate" },
        { "a year and a day back is too late to write up", Valid with { SessionDate = Today.AddYears(-1).AddDays(-1) }, "sessionDate" },
        { "no SOAP text at all: a signed note must say something", Valid with { Subjective = " ", Objective = null, Assessment = "", Plan = null }, "subjective" },
        { "subjective over its 4,000-character column", Valid with { Subjective = new string('s', 4001) }, "subjective" },
        { "objective over its column", Valid with { Objective = new string('o', 4001) }, "objective" },
        { "assessment over its column", Valid with { Assessment = new string('a', 4001) }, "assessment" },
        { "plan over its column", Valid with { Plan = new string('p', 4001) }, "plan" },
        { "a NUL byte: PostgreSQL refuses it in text", Valid with { Plan = "a\0b" }, "plan" },
        { "pressure 0 is below the 1-5 scale", Valid with { Pressure = 0 }, "pressure" },
        { "pressure 6 is above it", Valid with { Pressure = 6 }, "pressure" },
        { "pain before -1 is below 0-10", Valid with { PainBefore = -1 }, "painBefore" },
        { "pain after 11 is above 0-10", Valid with { PainAfter = 11 }, "painAfter" },
        { "a client response that is not better, no-change or worse", Valid with { ClientResponse = (ClientResponse)7 }, "clientResponse" },
        { "an area not on the body map", Valid with { Areas = ["neck"] }, "areas" },
        { "a body-map area with its side is not an area id", Valid with { Areas = ["calf-left"] }, "areas" },
        { "a technique not in the catalogue", Valid with { Techniques = ["reiki"] }, "techniques" },
        { "a home modality is not a therapist's technique", Valid with { Techniques = ["heat"] }, "techniques" },
    };

    [Theory]
    [MemberData(nameof(InvalidNotes))]
    public void Validate_InvalidNote_NamesTheField(string why, SessionNoteInput input, string field)
    {
        var result = Validate(input);

        Assert.False(result.Result.IsValid, why);
        Assert.True(result.Fields(field).Any(), why + ": errors were " + string.Join(" | ", result.Result.Errors.All));
    }

    [Fact]
    public void Validate_Lists_AreStoredOnceInBodyMapAndCatalogueOrder()
    {
        var result = SessionNoteValidator.Validate(Valid with { Areas = ["foot", "low-back", "foot"], Techniques = ["swedish-massage", "acupuncture"] }, Today, TreatmentContent.Catalog);

        Assert.Equal(["low-back", "foot"], result.Value!.Areas);
        Assert.Equal(
            SessionNoteValidator.Techniques(TreatmentContent.Catalog).Select(m => m.Id).Where(id => id is "swedish-massage" or "acupuncture"),
            result.Value.Techniques);
    }

    private static SessionNote Original(DateOnly date) => new() { Id = Guid.NewGuid(), SessionDate = date };

    public static TheoryData<string, DateOnly, DateOnly?, string?, string?> Amendments => new()
    {
        // why, original's date, amendment's date, reason, the field in error (null: valid)
        { "an amendment with a reason", Today.AddDays(-3), Today.AddDays(-3), "Wrong leg", null },
        { "an amendment needs its reason", Today.AddDays(-3), Today.AddDays(-3), null, "reason" },
        { "a blank reason is no reason", Today.AddDays(-3), Today.AddDays(-3), "   ", "reason" },
        { "a reason over its 500-character column", Today.AddDays(-3), Today.AddDays(-3), new string('r', 501), "reason" },
        { "an old note keeps its own date however old", Today.AddYears(-2), Today.AddYears(-2), "Typo", null },
        { "but may not move to another date more than a year back", Today.AddYears(-2), Today.AddYears(-2).AddDays(1), "Typo", "sessionDate" },
        { "nor into the future", Today.AddDays(-3), Today.AddDays(1), "Typo", "sessionDate" },
    };

    [Theory]
    [MemberData(nameof(Amendments))]
    public void Validate_Amendment_FollowsTheRules(string why, DateOnly originalDate, DateOnly? date, string? reason, string? field)
    {
        var result = Validate(Valid with { SessionDate = date }, Original(originalDate), reason);

        if (field is null)
        {
            Assert.True(result.Result.IsValid, why + ": " + string.Join(" | ", result.Result.Errors.All));
            Assert.Equal(reason!.Trim(), result.Result.Value!.AmendmentReason);
        }
        else
        {
            Assert.True(result.Fields(field).Any(), why + ": errors were " + string.Join(" | ", result.Result.Errors.All));
        }
    }

    [Fact]
    public void Validate_NewNote_IgnoresAReason()
    {
        var result = Validate(Valid, reason: "not an amendment");

        Assert.Null(result.Result.Value!.AmendmentReason);
    }

    [Theory]
    [InlineData("Sam Therapist", "sam@example.org", "Sam Therapist", "the display name is the signature")]
    [InlineData("  Sam  ", "sam@example.org", "Sam", "trimmed")]
    [InlineData(null, "sam@example.org", "sam@example.org", "no display name: the e-mail")]
    [InlineData("", "sam@example.org", "sam@example.org", "an empty display name is none")]
    public void Signature_IsTheTherapistsName(string? name, string fallback, string expected, string why)
    {
        Assert.True(expected == SessionNoteValidator.Signature(name, fallback), why);
    }

    [Fact]
    public void Signature_LongerThanItsColumn_IsCut()
    {
        Assert.Equal(100, SessionNoteValidator.Signature(new string('n', 150), "x").Length);
    }

    [Fact]
    public void Order_Chain_OriginalFirstThenAmendmentsBySigningTime()
    {
        var at = new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);
        var original = new SessionNote { Id = Guid.CreateVersion7(), SignedAtUtc = at.AddHours(5) };
        var later = new SessionNote { Id = Guid.CreateVersion7(), AmendsId = original.Id, SignedAtUtc = at.AddHours(2) };
        var earlier = new SessionNote { Id = Guid.CreateVersion7(), AmendsId = original.Id, SignedAtUtc = at.AddHours(1) };

        var ordered = NoteChains.Order([later, original, earlier]);

        // The original leads even if a clock skew signed it "after" an amendment.
        Assert.Equal([original, earlier, later], ordered);
        Assert.Equal(original.Id, NoteChains.RootOf(later));
        Assert.Equal(original.Id, NoteChains.RootOf(original));
    }
}
