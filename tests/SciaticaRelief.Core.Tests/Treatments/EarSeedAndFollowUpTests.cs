using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Treatments;

namespace SciaticaRelief.Core.Tests.Treatments;

public sealed class EarSeedRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    public sealed record RuleRow(string RuleId, WarningLevel Level, EarSeedSituation Situation, string Why)
    {
        public override string ToString() => $"{RuleId}: {Why}";
    }

    private static readonly RuleRow[] Rows =
    [
        new("EAR-SKIN-RED-OR-BROKEN", WarningLevel.Warning, new EarSeedSituation(true, HealthCondition.None),
            "CLINICAL.md 5: remove seeds if the skin is red or broken"),
        new("EAR-PREGNANCY", WarningLevel.Caution, new EarSeedSituation(false, HealthCondition.Pregnancy),
            "CLINICAL.md 5: ask in pregnancy"),
        new("EAR-OVERDUE", WarningLevel.Caution, new EarSeedSituation(false, HealthCondition.None, Now.AddDays(-1)),
            "CLINICAL.md 5: up to 5 days, then rest the skin"),
    ];

    public static TheoryData<RuleRow> RuleTable => new(Rows);

    [Theory]
    [MemberData(nameof(RuleTable))]
    public void Evaluate_RuleCondition_Fires(RuleRow row)
    {
        var w = Assert.Single(EarSeedRules.Evaluate(row.Situation));

        Assert.Equal(row.RuleId, w.RuleId);
        Assert.Equal(row.Level, w.Level);
        Assert.False(string.IsNullOrWhiteSpace(w.Source));
    }

    [Fact]
    public void RuleTable_CoversEveryRule()
    {
        Assert.Equal(EarSeedRules.All.Select(r => r.Id).Order(StringComparer.Ordinal), Rows.Select(r => r.RuleId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Evaluate_HealthySkinNotPregnant_Nothing()
    {
        Assert.Empty(EarSeedRules.Evaluate(new EarSeedSituation(false, HealthCondition.AnticoagulantsOrBleedingDisorder)));
    }

    [Fact]
    public void Validate_NoTakeOffTime_DefaultsToFiveDays()
    {
        var result = EarSeedRules.Validate(new EarSeedInput(Ear.Left, ["shen-men", "sciatic-nerve"]), Now, TimeZoneInfo.Utc);

        Assert.True(result.IsValid);
        Assert.Equal(Now.AddDays(5), result.Value!.RemoveByUtc);
        Assert.Equal(["shen-men", "sciatic-nerve"], result.Value.Points);
    }

    [Theory]
    [InlineData(null, new[] { "shen-men" }, 0, "ear", "no ear chosen")]
    [InlineData(Ear.Left, new string[0], 0, "points", "no point")]
    [InlineData(Ear.Left, new[] { "hegu" }, 0, "points", "not an ear point of CLINICAL.md 5")]
    [InlineData(Ear.Left, new[] { "shen-men", "shen-men" }, 0, "points", "the same point twice")]
    [InlineData(Ear.Right, new[] { "shen-men" }, 8, "removeBy", "8 days: longer than the trials' 7")]
    [InlineData(Ear.Right, new[] { "shen-men" }, -1, "removeBy", "take off before they went on")]
    public void Validate_Bad_NamesTheField(Ear? ear, string[] points, int removeAfterDays, string field, string why)
    {
        var input = new EarSeedInput(ear, points, RemoveBy: removeAfterDays == 0 ? null : new DateTimeOffset(Now.AddDays(removeAfterDays)));

        var result = EarSeedRules.Validate(input, Now, TimeZoneInfo.Utc);

        Assert.False(result.IsValid, why);
        Assert.True(result.Errors.For(field).Any(), why);
    }

    [Fact]
    public void ValidatePress_AfterTakeOffOrBeforeApplying_IsRefused()
    {
        var a = new EarSeedApplication { AppliedAtUtc = Now.AddDays(-3), RemovedAtUtc = Now.AddDays(-1) };

        Assert.False(EarSeedRules.ValidatePress(a, Now).IsEmpty);
        Assert.False(EarSeedRules.ValidatePress(a, Now.AddDays(-4)).IsEmpty);
        Assert.True(EarSeedRules.ValidatePress(a, Now.AddDays(-2)).IsEmpty);
        Assert.False(EarSeedRules.ValidatePress(null, Now).IsEmpty);
    }

    [Fact]
    public void ValidateTakeOff_Twice_IsRefused()
    {
        var a = new EarSeedApplication { AppliedAtUtc = Now.AddDays(-3) };
        Assert.True(EarSeedRules.ValidateTakeOff(a, Now, Now).IsEmpty);

        a.RemovedAtUtc = Now;
        Assert.False(EarSeedRules.ValidateTakeOff(a, Now, Now).IsEmpty);
    }
}

public sealed class FollowUpsTests
{
    private static readonly DateTime Session = new(2026, 11, 23, 17, 0, 0, DateTimeKind.Utc);

    private static Treatment T(TreatmentKind kind, DateTime at) => new() { Id = Guid.NewGuid(), Kind = kind, StartedAtUtc = at, ModalityId = "swedish-massage" };

    [Theory]
    [InlineData(4, new int[0], "4 hours after: nothing due yet")]
    [InlineData(12, new[] { 24 }, "the next morning (12 h before the 24-hour mark) the 24-hour follow-up opens")]
    [InlineData(30, new[] { 24 }, "30 h: the 24-hour one is due, the 48-hour one not yet")]
    [InlineData(40, new[] { 24, 48 }, "40 h: the 24-hour one still prompts (until 48 h), the 48-hour one has opened")]
    [InlineData(50, new[] { 48 }, "50 h: the 24-hour prompt has lapsed after 24 h of prompting")]
    [InlineData(73, new int[0], "73 h: both prompts have lapsed")]
    public void Due_MassageSession_PromptsAt24And48Hours(int hoursLater, int[] expected, string why)
    {
        var due = FollowUps.Due([T(TreatmentKind.Massage, Session)], [], Session.AddHours(hoursLater));

        Assert.True(expected.SequenceEqual(due.Select(d => d.HoursAfter)), why);
    }

    [Fact]
    public void Due_AlreadyGiven_OrNotAMassage_IsNotPrompted()
    {
        var massage = T(TreatmentKind.Massage, Session);
        var heat = T(TreatmentKind.HeatOrCold, Session);

        var due = FollowUps.Due([massage, heat], [(massage.Id, 24)], Session.AddHours(40));

        Assert.Equal(48, Assert.Single(due).HoursAfter);
        Assert.Equal(massage.Id, due[0].TreatmentId);
    }

    [Theory]
    [InlineData(24, 5, 12, null, "24-hour follow-up the next morning: allowed")]
    [InlineData(24, 5, 11, "hoursAfter", "11 hours after: too early for the 24-hour follow-up")]
    [InlineData(48, 5, 30, "hoursAfter", "30 hours after: too early for the 48-hour follow-up")]
    [InlineData(36, 5, 40, "hoursAfter", "only 24 or 48 hours")]
    [InlineData(24, 11, 30, "pain", "pain 0-10")]
    [InlineData(24, null, 30, "pain", "pain is the point of a follow-up")]
    public void Validate_Table(int hours, int? pain, int hoursLater, string? field, string why)
    {
        var errors = FollowUps.Validate(hours, pain, null, Session, Session.AddHours(hoursLater), out _);

        if (field is null)
        {
            Assert.True(errors.IsEmpty, why);
        }
        else
        {
            Assert.True(errors.For(field).Any(), why);
        }
    }
}
