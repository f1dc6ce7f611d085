using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Core.Triage;

namespace SciaticaRelief.Core.Tests.Journal;

public sealed class CheckInValidatorTests
{
    private static readonly DateTime NowUtc = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTimeOffset Now = new(NowUtc);

    private static TimeZoneInfo London => TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The smallest valid check-in; rows change one thing.</summary>
    private static readonly CheckInInput Valid = new() { PainNow = 4 };

    public sealed record BadRow(string Field, CheckInInput Input, string Why)
    {
        public override string ToString() => $"{Field}: {Why}";
    }

    public static TheoryData<BadRow> BadRows { get; } = new()
    {
        new("painNow", Valid with { PainNow = null }, "pain now is the one required answer of a check-in"),
        new("painNow", Valid with { PainNow = -1 }, "NRS is 0-10 (CLINICAL.md 2): below 0 is not a score"),
        new("painNow", Valid with { PainNow = 11 }, "NRS is 0-10 (CLINICAL.md 2): above 10 is not a score"),
        new("painWorst", Valid with { PainNow = 7, PainWorst = 5 }, "the worst pain cannot be lower than the pain right now"),
        new("painAverage", Valid with { PainNow = 3, PainWorst = 5, PainAverage = 6 }, "an average cannot exceed the worst"),
        new("painWorst", Valid with { PainWorst = 11 }, "worst pain is on the same 0-10 scale"),
        new("stress", Valid with { Stress = 11 }, "stress is 0-10"),
        new("sleepHours", Valid with { SleepHours = 25 }, "a night has at most 24 hours"),
        new("sleepHours", Valid with { SleepHours = -1 }, "negative sleep is a typo"),
        new("notes", Valid with { Notes = new string('a', 4001) }, "notes are capped at 4000 characters to bound storage and exports"),
        new("notes", Valid with { Notes = "before\0after" }, "PostgreSQL rejects NUL in text; it has no place in a note"),
        new("occurredAt", Valid with { OccurredAt = Now.AddHours(1) }, "an hour ahead is beyond clock skew: a future check-in is a mistake"),
        new("occurredAt", Valid with { OccurredAtLocal = new DateTime(2026, 11, 25, 13, 30, 0) }, "a local time 1.5 h ahead in London is in the future too"),
        new("occurredAt", Valid with { OccurredAt = new DateTimeOffset(1999, 12, 31, 23, 0, 0, TimeSpan.Zero) }, "before 2000: a typo in the year, not an old diary"),
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void Validate_BadInput_RefusedOnThatField(BadRow row)
    {
        var result = CheckInValidator.Validate(row.Input, NowUtc, London);

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal([row.Field], result.Errors.ToDictionary().Keys);
        Assert.NotEmpty(result.Errors.For(row.Field));
    }

    public sealed record GoodRow(CheckInInput Input, string Why)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<GoodRow> GoodRows { get; } = new()
    {
        new(Valid with { PainNow = 0 }, "0 is a valid score: no pain today"),
        new(Valid with { PainNow = 10, PainWorst = 10, PainAverage = 10 }, "10 everywhere is the top of the scale, and worst may equal now"),
        new(Valid with { PainNow = 3, PainWorst = 8, PainAverage = 5 }, "now <= average <= worst is the usual shape"),
        new(Valid with { PainNow = 6, PainWorst = 8, PainAverage = 2 }, "now above the average is fine: today is a bad moment"),
        new(Valid with { SleepHours = 0 }, "a sleepless night is 0 hours"),
        new(Valid with { SleepHours = 24 }, "24 hours is the edge of the range"),
        new(Valid with { Stress = 0 }, "stress 0 is valid"),
        new(Valid with { Notes = new string('a', 4000) }, "exactly 4000 characters is allowed"),
        new(Valid with { Notes = "line one\nline two\tand a tab" }, "newlines and tabs are ordinary text"),
        new(Valid with { OccurredAt = Now.AddMinutes(10) }, "10 minutes ahead is allowed: a phone's clock may run fast"),
        new(Valid with { OccurredAt = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero) }, "the first instant of 2000 is the earliest allowed"),
        new(Valid with { OccurredAt = new DateTimeOffset(2019, 5, 4, 8, 0, 0, TimeSpan.Zero) }, "imports of old diaries reach back years"),
    };

    [Theory]
    [MemberData(nameof(GoodRows))]
    public void Validate_GoodInput_Accepted(GoodRow row)
    {
        var result = CheckInValidator.Validate(row.Input, NowUtc, London);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.All));
        Assert.Empty(result.Errors.All);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "markup is stored as text and encoded when shown, never stripped or run")]
    [InlineData("Robert'); DROP TABLE CheckIns;--", "SQL in a note is just text (queries are parameterised)")]
    [InlineData("=HYPERLINK(\"http://x\")", "a formula is guarded on CSV export, not altered when stored")]
    [InlineData("ouch 😣 — ça va", "emoji and accents are kept")]
    public void Validate_HostileLookingNotes_KeptUnchanged(string notes, string why)
    {
        var result = CheckInValidator.Validate(Valid with { Notes = notes }, NowUtc, London);

        Assert.True(result.IsValid, why);
        Assert.Equal(notes, result.Value!.Notes);
    }

    [Theory]
    [InlineData("a\r\nb", "a\nb", "Windows line endings are stored as \\n so exports are stable")]
    [InlineData("  padded  ", "padded", "surrounding spaces are trimmed")]
    [InlineData("   ", null, "only whitespace is no note")]
    public void Validate_Notes_Normalised(string notes, string? expected, string why)
    {
        var result = CheckInValidator.Validate(Valid with { Notes = notes }, NowUtc, London);

        Assert.True(result.IsValid, why);
        Assert.Equal(expected, result.Value!.Notes);
    }

    [Fact]
    public void Validate_NoTime_UsesNow()
    {
        // A check-in without a time is "now", taken from the injected clock.
        var result = CheckInValidator.Validate(Valid, NowUtc, London);

        Assert.Equal(NowUtc, result.Value!.Time.Utc);
        Assert.Equal(DateTimeKind.Utc, result.Value.Time.Utc.Kind);
        Assert.False(result.Value.Time.ShiftedForward);
        Assert.False(result.Value.Time.Ambiguous);
    }

    [Fact]
    public void Validate_InstantWithOffset_StoredAsUtc()
    {
        // An instant from the API carries its own offset; the zone does not change it.
        var at = new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.FromHours(-5));

        var result = CheckInValidator.Validate(Valid with { OccurredAt = at }, NowUtc, London);

        Assert.Equal(new DateTime(2026, 11, 25, 11, 0, 0, DateTimeKind.Utc), result.Value!.Time.Utc);
    }

    public sealed record BothLegsRow(BodyArea[] Areas, Answer? Given, Answer? Expected, bool Presumed, string Why)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<BothLegsRow> BothLegsRows { get; } = new()
    {
        new([new(BodyRegion.Calf, Side.Left), new(BodyRegion.Thigh, Side.Right)], null, Answer.Yes, true,
            "left calf and right thigh is sciatica in both legs, an emergency sign: presumed yes for the Person to confirm"),
        new([new(BodyRegion.Foot, Side.Both)], null, Answer.Yes, true,
            "both feet marked is both legs"),
        new([new(BodyRegion.Calf, Side.Left), new(BodyRegion.Thigh, Side.Right)], Answer.No, Answer.No, false,
            "the Person's explicit no is theirs to give: never overwritten"),
        new([new(BodyRegion.Calf, Side.Left), new(BodyRegion.Thigh, Side.Right)], Answer.Unsure, Answer.Unsure, false,
            "an explicit unsure is kept (it already counts as yes)"),
        new([new(BodyRegion.LowBack, Side.Both)], null, null, false,
            "low back pain across both sides is back pain, not leg symptoms: no presumption"),
        new([new(BodyRegion.LowBack, Side.Both), new(BodyRegion.Calf, Side.Left)], null, null, false,
            "back on both sides plus one leg is one-sided sciatica"),
        new([new(BodyRegion.Buttock, Side.Left), new(BodyRegion.Foot, Side.Left)], null, null, false,
            "one leg from buttock to foot is ordinary sciatica"),
        new([], null, null, false,
            "nothing marked: nothing presumed"),
    };

    [Theory]
    [MemberData(nameof(BothLegsRows))]
    public void Validate_BodyMap_PresumesBothLegsOnlyWhenUnanswered(BothLegsRow row)
    {
        var flags = row.Given is { } given ? new Dictionary<RedFlagQuestion, Answer> { [RedFlagQuestion.BothLegs] = given } : [];

        var result = CheckInValidator.Validate(Valid with { Areas = row.Areas, RedFlags = flags }, NowUtc, London);

        Assert.True(result.IsValid);
        Assert.Equal(row.Presumed, result.Value!.BothLegsPresumed);
        Assert.Equal(row.Expected, result.Value.RedFlags.TryGetValue(RedFlagQuestion.BothLegs, out var a) ? a : null);
    }

    [Fact]
    public void Validate_BothLegsPresumed_DoesNotChangeTheCallersAnswers()
    {
        // The presumption goes into the validated copy; the submitted map stays as the Person gave it.
        var given = new Dictionary<RedFlagQuestion, Answer> { [RedFlagQuestion.NightPain] = Answer.No };
        var input = Valid with { Areas = [new(BodyRegion.Calf, Side.Both)], RedFlags = given };

        var result = CheckInValidator.Validate(input, NowUtc, London);

        Assert.Equal(Answer.Yes, result.Value!.RedFlags[RedFlagQuestion.BothLegs]);
        Assert.Equal(Answer.No, result.Value.RedFlags[RedFlagQuestion.NightPain]);
        Assert.False(given.ContainsKey(RedFlagQuestion.BothLegs));
    }

    public sealed record LocalRow(string Zone, DateTime Local, DateTime Utc, bool ShiftedForward, bool Ambiguous, string Why)
    {
        public override string ToString() => $"{Zone} {Local:yyyy-MM-dd HH:mm}: {Why}";
    }

    private static DateTime Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static DateTime Wall(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);

    public static TheoryData<LocalRow> LocalRows { get; } = new()
    {
        new("Europe/London", Wall(2026, 3, 29, 1, 30), Utc(2026, 3, 29, 1, 30), true, false,
            "01:30 does not exist (clocks jump 01:00 -> 02:00): RFC 5545 moves it forward to 02:30 BST = 01:30 UTC"),
        new("Europe/London", Wall(2026, 10, 25, 1, 30), Utc(2026, 10, 25, 0, 30), false, true,
            "01:30 happens twice (clocks go back at 02:00 BST): the first occurrence, 01:30 BST = 00:30 UTC"),
        new("America/New_York", Wall(2026, 3, 8, 2, 30), Utc(2026, 3, 8, 7, 30), true, false,
            "02:30 is in New York's gap: read with EST (-5) = 07:30 UTC, i.e. 03:30 EDT"),
        new("America/New_York", Wall(2026, 11, 1, 1, 30), Utc(2026, 11, 1, 5, 30), false, true,
            "01:30 happens twice in New York: first occurrence is EDT (-4) = 05:30 UTC"),
        new("Europe/London", Wall(2026, 7, 1, 12, 0), Utc(2026, 7, 1, 11, 0), false, false,
            "an ordinary summer time: BST is UTC+1"),
        new("Europe/London", Wall(2026, 3, 29, 2, 0), Utc(2026, 3, 29, 1, 0), false, false,
            "02:00 is the first valid time after the gap: not shifted"),
    };

    [Theory]
    [MemberData(nameof(LocalRows))]
    public void Validate_LocalTime_ResolvedPerRfc5545(LocalRow row)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(row.Zone);

        var result = CheckInValidator.Validate(Valid with { OccurredAtLocal = row.Local }, NowUtc, zone);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.All));
        Assert.Equal(new ResolvedTime(row.Utc, row.ShiftedForward, row.Ambiguous), result.Value!.Time);
        Assert.Equal(DateTimeKind.Utc, result.Value.Time.Utc.Kind);
    }

    public sealed record UndefinedRow(CheckInInput Input, string Why)
    {
        public override string ToString() => Why;
    }

    /// <summary>
    /// .editorconfig: "values outside an enum's names are refused where they enter". JSON's enum
    /// converter accepts integers ({"region": 5}), so the validator is where they must stop.
    /// </summary>
    public static TheoryData<UndefinedRow> UndefinedRows { get; } = new()
    {
        new(Valid with { Areas = [new((BodyRegion)5, Side.Left)] },
            "region 5 does not exist; accepted, BodyMap.RadiationOf throws when the entry is saved"),
        new(Valid with { Areas = [new(BodyRegion.LowBack, (Side)4)] },
            "side 4 does not exist; accepted, its bit lands on the buttock (wrong body map stored)"),
        new(Valid with { RedFlags = new Dictionary<RedFlagQuestion, Answer> { [RedFlagQuestion.SaddleNumbness] = (Answer)7 } },
            "answer 7 does not exist; accepted, TriageEngine.Evaluate throws on it"),
        new(Valid with { RedFlags = new Dictionary<RedFlagQuestion, Answer> { [(RedFlagQuestion)99] = Answer.Yes } },
            "question 99 does not exist; accepted, RedFlagQuestions.IdOf throws when the assessment is stored"),
        new(Valid with { Qualities = (PainQuality)(1 << 20) },
            "a pain-quality bit with no name is stored as a number no label knows"),
        new(Valid with { Triggers = (Trigger)(1 << 20) },
            "a trigger bit with no name is stored as a number no label knows"),
    };

    [Theory]
    [MemberData(nameof(UndefinedRows))]
    public void Validate_UndefinedEnumValue_Refused(UndefinedRow row)
    {
        var result = CheckInValidator.Validate(row.Input, NowUtc, London);

        Assert.False(result.IsValid);
        Assert.NotEmpty(result.Errors.All);
    }

    [Fact]
    public void Validate_SleepHoursNaN_Refused()
    {
        // NaN fails both "< 0" and "> 24", so a range check written that way lets it through;
        // a form field parsed with double.Parse("NaN") produces it.
        var result = CheckInValidator.Validate(Valid with { SleepHours = double.NaN }, NowUtc, London);

        Assert.False(result.IsValid);
        Assert.NotEmpty(result.Errors.For("sleepHours"));
    }
}
