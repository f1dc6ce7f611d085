using SciaticaRelief.Core.Knowledge;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Recommendations;
using SciaticaRelief.Core.Validation;
using SciaticaRelief.Web.Api;
using SciaticaRelief.Web.Profiles;

namespace SciaticaRelief.Web.Recommendations;

/// <summary>The chooser's answers as text (query string or form), read with a message per field.</summary>
public static class MachineChooserInput
{
    public static MachineQuestions? Read(IEnumerable<string> areas, string? pressure, string? budget, string? heat, HealthCondition conditions, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.All.Count();
        var chosen = PainArea.None;
        foreach (var id in areas)
        {
            var match = MachineChooser.AreaChoices.FirstOrDefault(a => string.Equals(a.Id, id, StringComparison.Ordinal));
            if (match.Id is null)
            {
                errors.Add("areas", $"Unknown area \"{id}\": choose low-back, buttock, leg or foot.");
            }
            chosen |= match.Area;
        }
        if (!int.TryParse(pressure, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p))
        {
            errors.Add("pressure", "Pressure liked must be a whole number from 1 (gentle) to 5 (firm).");
        }
        if (!CarePreferencesInput.TryParseBudget(budget, out var b))
        {
            errors.Add("budget", "Choose a budget: free, low, moderate or high.");
        }
        var wantHeat = heat is "true" or "on" or "1";
        if (heat is not (null or "" or "true" or "on" or "1" or "false" or "0"))
        {
            errors.Add("heat", "Heat is true or false.");
        }
        if (errors.All.Count() > before)
        {
            return null;
        }
        var questions = new MachineQuestions(chosen, p, b, wantHeat, conditions);
        errors.AddAll(questions.Validate());
        return errors.All.Count() > before ? null : questions;
    }
}

/// <summary>/api/v1/machine-chooser: kinds of massage device for the answers and the Profile's conditions; never brands.</summary>
public static class MachineChooserApi
{
    public static RouteGroupBuilder MapMachineChooserApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/machine-chooser", async Task<IResult> (HttpRequest request, PersonContext person, ModalityCatalog catalog, CancellationToken ct) =>
        {
            var q = request.Query;
            var profile = await person.ProfileAsync(ct);
            var errors = new ValidationErrors();
            var questions = MachineChooserInput.Read(q["areas"].OfType<string>(), q["pressure"], q["budget"], q["heat"], profile.Conditions, errors);
            return questions is null ? Problems.Invalid(errors) : TypedResults.Ok(MachineChooser.Choose(questions, catalog.All));
        })
        .WithMetadata(new SuggestsCareAttribute())
        .WithTags("Machine chooser")
        .WithName("ChooseMachine")
        .WithSummary("Kinds of massage device for where the pain is (areas=low-back|buttock|leg|foot, repeatable), the pressure liked (pressure=1..5), the budget (budget=free|low|moderate|high) and whether warmth is wanted (heat=true), filtered by the Profile's conditions; each with why, what to look for and how to use it safely.")
        .Produces<MachineChoice>()
        .Produces<SeekCareResponse>()
        .ProducesValidationProblem();
        return api;
    }
}
