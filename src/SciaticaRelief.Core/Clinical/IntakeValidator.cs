using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Validation;

namespace SciaticaRelief.Core.Clinical;

/// <summary>An intake form as submitted by the Therapist, before validation.</summary>
/// <param name="ConsentToTreatment">Yes or no, as the client answered; null when not answered.</param>
public sealed record IntakeInput(string? History, HealthCondition Conditions, string? Contraindications, string? Medications, bool? ConsentToTreatment);

/// <summary>An intake that passed validation, text trimmed.</summary>
public sealed record IntakeValues(string History, HealthCondition Conditions, string Contraindications, string Medications, bool ConsentToTreatment)
{
    public void ApplyTo(Intake intake)
    {
        ArgumentNullException.ThrowIfNull(intake);
        intake.History = History;
        intake.Conditions = Conditions;
        intake.Contraindications = Contraindications;
        intake.Medications = Medications;
        intake.ConsentToTreatment = ConsentToTreatment;
    }
}

/// <summary>
/// Validates an intake: known health conditions; history, contraindications and medications within
/// their column limits; consent to treatment answered (yes or no: a "no" is recorded, not refused,
/// so the form says what the client said).
/// </summary>
public static class IntakeValidator
{
    public const int MaxHistoryLength = 4000;
    public const int MaxContraindicationsLength = 2000;
    public const int MaxMedicationsLength = 1000;

    public static Validated<IntakeValues> Validate(IntakeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        var history = TextRules.Clean(input.History, "history", "Health history", MaxHistoryLength, errors);
        var contraindications = TextRules.Clean(input.Contraindications, "contraindications", "Contraindications", MaxContraindicationsLength, errors);
        var medications = TextRules.Clean(input.Medications, "medications", "Medications", MaxMedicationsLength, errors);
        var known = HealthConditions.All.Aggregate(HealthCondition.None, (a, i) => a | i.Condition);
        if ((input.Conditions & ~known) != 0)
        {
            errors.Add("conditions", "Unknown health condition.");
        }
        if (input.ConsentToTreatment is null)
        {
            errors.Add("consentToTreatment", "Record whether the client consents to treatment (yes or no).");
        }
        if (!errors.IsEmpty)
        {
            return new Validated<IntakeValues>(null, errors);
        }
        return new Validated<IntakeValues>(new IntakeValues(history ?? "", input.Conditions, contraindications ?? "", medications ?? "", input.ConsentToTreatment!.Value), errors);
    }
}

/// <summary>What became of a client's decision on an intake.</summary>
public enum IntakeDecisionResult
{
    Confirmed,
    Declined,

    /// <summary>The intake was already confirmed or declined: nothing changed.</summary>
    AlreadyDecided,
}

/// <summary>
/// The client's decision on a pending intake. Confirming adds the intake's conditions to the Profile
/// (a union: it never removes one the client set); declining changes nothing but the intake. A
/// decision is made once: a second one changes nothing.
/// </summary>
public static class IntakeDecision
{
    public static IntakeDecisionResult Decide(Intake intake, Profile profile, bool confirm, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(profile);
        if (intake.Status != IntakeStatus.Pending)
        {
            return IntakeDecisionResult.AlreadyDecided;
        }
        intake.Status = confirm ? IntakeStatus.Confirmed : IntakeStatus.Declined;
        intake.DecidedAtUtc = nowUtc;
        intake.Version++;
        if (!confirm)
        {
            return IntakeDecisionResult.Declined;
        }
        var merged = profile.Conditions | intake.Conditions;
        if (merged != profile.Conditions)
        {
            profile.Conditions = merged;
            profile.UpdatedAtUtc = nowUtc;
            profile.Version++;
        }
        return IntakeDecisionResult.Confirmed;
    }
}
