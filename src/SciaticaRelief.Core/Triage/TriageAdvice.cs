using SciaticaRelief.Core.Profiles;

namespace SciaticaRelief.Core.Triage;

/// <summary>What to tell the Person for a level: a headline, what to do, and the safety wording.</summary>
public sealed record Advice(string Headline, IReadOnlyList<string> Steps, string Caveat);

/// <summary>
/// The words that go with each level. Red flags mean higher risk, not a diagnosis: every result
/// says so (CLINICAL.md section 1).
/// </summary>
public static class TriageAdvice
{
    public const string NotADiagnosis =
        "These signs mean a higher risk that something needs a doctor's attention. They are not a diagnosis, and this app is not a substitute for care.";

    public static Advice For(TriageLevel level, Region region, bool seeDoctorToday)
    {
        ArgumentNullException.ThrowIfNull(region);
        return level switch
        {
            TriageLevel.Emergency => new Advice(
                $"Get emergency care now: call {region.EmergencyNumber} or go to {region.EmergencyPlace}.",
                [
                    $"Call {region.EmergencyNumber} or go to {region.EmergencyPlace} now. Do not wait to see if it passes.",
                    "Tell them which of the signs below you have, and that you have sciatica.",
                    "Do not use massage, massage machines, acupressure or other home treatments for this until a clinician has seen you.",
                ],
                NotADiagnosis),
            TriageLevel.Urgent => new Advice(
                seeDoctorToday
                    ? "See a doctor today: your symptoms are getting worse quickly."
                    : "See a doctor within 24 to 48 hours.",
                [
                    seeDoctorToday
                        ? "Contact your doctor's surgery today and ask for an urgent appointment" + UrgentService(region) + "."
                        : "Book an appointment with your doctor within the next 24 to 48 hours" + UrgentService(region) + ".",
                    $"If it gets worse quickly, or you notice numbness between your legs or problems peeing or with your bowels, call {region.EmergencyNumber}.",
                    "Hold off massage and home treatments for now; they come back once a clinician has seen you.",
                ],
                NotADiagnosis),
            TriageLevel.Routine => new Advice(
                "Book a routine appointment with your GP or a physiotherapist.",
                [
                    "This is not urgent, but a professional should look at it.",
                    "You can carry on with self-care meanwhile: stay as active as you can.",
                    $"If new warning signs appear, check your symptoms again; in an emergency call {region.EmergencyNumber}.",
                ],
                NotADiagnosis),
            TriageLevel.SelfCare => new Advice(
                "No warning signs: self-care is fine.",
                [
                    "Stay as active as you can; long bed rest slows recovery.",
                    "Keep logging your pain to see what helps.",
                    "Answer the warning-sign questions again whenever something changes.",
                ],
                "This check looks for warning signs only. It is not a diagnosis; if you are worried, talk to a doctor."),
        };
    }

    /// <summary>Before the warning-sign questions have been answered once: ask them, suggest nothing.</summary>
    public static Advice ScreenFirst(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return new Advice(
            "Answer the warning-sign questions first.",
            [
                "Before anything is suggested, answer the questions about warning signs: it takes a minute, and \"None of these\" answers the ones that do not apply.",
                "Some symptoms of sciatica need a doctor quickly; the questions find them.",
                $"If you feel very unwell or think it is an emergency, call {region.EmergencyNumber} now.",
            ],
            NotADiagnosis);
    }

    private static string UrgentService(Region region) =>
        region.UrgentAdvice is { } service ? $", or contact {service}" : "";
}
