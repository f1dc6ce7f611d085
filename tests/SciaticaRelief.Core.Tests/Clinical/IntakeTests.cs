using SciaticaRelief.Core.Clinical;
using SciaticaRelief.Core.Profiles;

namespace SciaticaRelief.Core.Tests.Clinical;

/// <summary>The intake form's rules and the client's decision on it.</summary>
public sealed class IntakeTests
{
    private static readonly IntakeInput Valid = new("Back pain since March.", HealthCondition.Osteoporosis, "No deep pressure on the lumbar spine.", "Alendronate weekly", true);

    public static TheoryData<string, IntakeInput> ValidIntakes => new()
    {
        { "every field", Valid },
        { "consent answered no is recorded, not refused", Valid with { ConsentToTreatment = false } },
        { "no conditions and no text: the consent answer alone", new IntakeInput(null, HealthCondition.None, null, null, true) },
        { "texts at their column limits", Valid with { History = new string('h', 4000), Contraindications = new string('c', 2000), Medications = new string('m', 1000) } },
        { "HTML is kept as typed and shown escaped", Valid with { History = "<img src=x onerror=alert(1)>" } },
    };

    [Theory]
    [MemberData(nameof(ValidIntakes))]
    public void Validate_ValidIntake_Passes(string why, IntakeInput input)
    {
        var result = IntakeValidator.Validate(input);

        Assert.True(result.IsValid, why + ": " + string.Join(" | ", result.Errors.All));
    }

    public static TheoryData<string, IntakeInput, string> InvalidIntakes => new()
    {
        { "consent not answered: it must be recorded either way", Valid with { ConsentToTreatment = null }, "consentToTreatment" },
        { "history over its 4,000-character column", Valid with { History = new string('h', 4001) }, "history" },
        { "contraindications over 2,000", Valid with { Contraindications = new string('c', 2001) }, "contraindications" },
        { "medications over 1,000", Valid with { Medications = new string('m', 1001) }, "medications" },
        { "a condition flag the Profile does not know", Valid with { Conditions = (HealthCondition)(1 << 20) }, "conditions" },
        { "a control character in the text", Valid with { Medications = "a\u0007b" }, "medications" },
    };

    [Theory]
    [MemberData(nameof(InvalidIntakes))]
    public void Validate_InvalidIntake_NamesTheField(string why, IntakeInput input, string field)
    {
        var result = IntakeValidator.Validate(input);

        Assert.False(result.IsValid, why);
        Assert.True(result.Errors.For(field).Any(), why + ": errors were " + string.Join(" | ", result.Errors.All));
    }

    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string, HealthCondition, HealthCondition, bool, HealthCondition> Decisions => new()
    {
        // why, the Profile's conditions, the intake's, confirm?, the Profile's afterwards
        { "confirming adds the intake's conditions", HealthCondition.None, HealthCondition.Osteoporosis | HealthCondition.PastCancer, true, HealthCondition.Osteoporosis | HealthCondition.PastCancer },
        { "a union: the client's own conditions stay", HealthCondition.Pregnancy, HealthCondition.Osteoporosis, true, HealthCondition.Pregnancy | HealthCondition.Osteoporosis },
        { "confirming never removes one the intake lacks", HealthCondition.Pregnancy | HealthCondition.ImplantedDevice, HealthCondition.None, true, HealthCondition.Pregnancy | HealthCondition.ImplantedDevice },
        { "a condition on both is kept once", HealthCondition.Osteoporosis, HealthCondition.Osteoporosis, true, HealthCondition.Osteoporosis },
        { "declining changes nothing", HealthCondition.Pregnancy, HealthCondition.Osteoporosis, false, HealthCondition.Pregnancy },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Decide_PendingIntake_ChangesTheProfileOnlyOnConfirm(string why, HealthCondition profileHas, HealthCondition intakeHas, bool confirm, HealthCondition expected)
    {
        var intake = new Intake { Conditions = intakeHas, Status = IntakeStatus.Pending, Version = 1 };
        var profile = new Profile { Conditions = profileHas, Version = 1 };

        var result = IntakeDecision.Decide(intake, profile, confirm, Now);

        Assert.True(expected == profile.Conditions, why);
        Assert.Equal(confirm ? IntakeDecisionResult.Confirmed : IntakeDecisionResult.Declined, result);
        Assert.Equal(confirm ? IntakeStatus.Confirmed : IntakeStatus.Declined, intake.Status);
        Assert.Equal(Now, intake.DecidedAtUtc);
        Assert.Equal(2, intake.Version);
        Assert.Equal(expected == profileHas ? 1 : 2, profile.Version);
    }

    [Theory]
    [InlineData(IntakeStatus.Confirmed, true)]
    [InlineData(IntakeStatus.Confirmed, false)]
    [InlineData(IntakeStatus.Declined, true)]
    [InlineData(IntakeStatus.Declined, false)]
    public void Decide_AlreadyDecided_ChangesNothing(IntakeStatus status, bool confirm)
    {
        var decidedAt = Now.AddDays(-1);
        var intake = new Intake { Conditions = HealthCondition.Osteoporosis, Status = status, DecidedAtUtc = decidedAt, Version = 2 };
        var profile = new Profile { Conditions = HealthCondition.None, Version = 1 };

        var result = IntakeDecision.Decide(intake, profile, confirm, Now);

        Assert.Equal(IntakeDecisionResult.AlreadyDecided, result);
        Assert.Equal(status, intake.Status);
        Assert.Equal(decidedAt, intake.DecidedAtUtc);
        Assert.Equal(2, intake.Version);
        Assert.Equal(HealthCondition.None, profile.Conditions);
    }
}
