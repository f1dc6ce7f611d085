using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using SciaticaRelief.Core.Questionnaires;

namespace SciaticaRelief.Core.Interop.Fhir;

/// <summary>
/// Gives an Instrument back as a FHIR R4 Questionnaire (JSON), so other tools can render it; the
/// scoring's LOINC codes are added where the Questionnaire has none.
/// </summary>
public static class FhirQuestionnaireWriter
{
    public static string ToJson(Instrument instrument) =>
        new FhirJsonSerializer().SerializeToString(ToResource(instrument), pretty: true);

    /// <summary>The Questionnaire resource of an Instrument (the FHIR export puts it beside the Person's responses).</summary>
    public static Questionnaire ToResource(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var q = instrument.Questionnaire
            ?? throw new InvalidOperationException($"Instrument {instrument.Id} has no Questionnaire loaded.");
        var resource = new Questionnaire
        {
            Id = q.Id,
            Url = q.Url,
            Version = q.Version,
            Title = q.Title,
            Status = PublicationStatus.Active,
            Description = q.Description,
            Copyright = q.Copyright,
        };
        if (q.Code is { } panel)
        {
            resource.Code.Add(new Coding(panel.System, panel.Code, panel.Display));
        }
        else if (instrument.Scoring.LoincPanel is { } loinc)
        {
            resource.Code.Add(new Coding(Coded.Loinc, loinc));
        }
        foreach (var item in q.Items)
        {
            resource.Item.Add(ToItem(item));
        }
        return resource;
    }

    private static Questionnaire.ItemComponent ToItem(InstrumentItem item)
    {
        var component = new Questionnaire.ItemComponent
        {
            LinkId = item.LinkId,
            Text = item.Text,
            Type = item.Kind switch
            {
                ItemKind.Display => Questionnaire.QuestionnaireItemType.Display,
                ItemKind.Choice => Questionnaire.QuestionnaireItemType.Choice,
                ItemKind.Integer => Questionnaire.QuestionnaireItemType.Integer,
                ItemKind.Boolean => Questionnaire.QuestionnaireItemType.Boolean,
            },
        };
        if (item.Kind != ItemKind.Display)
        {
            component.Required = item.Required;
        }
        if (item.Code is { } code)
        {
            component.Code.Add(new Coding(code.System, code.Code, code.Display));
        }
        if (item.Min is { } min)
        {
            component.Extension.Add(new Extension(FhirQuestionnaireReader.MinValueUrl, new Integer(min)));
        }
        if (item.Max is { } max)
        {
            component.Extension.Add(new Extension(FhirQuestionnaireReader.MaxValueUrl, new Integer(max)));
        }
        foreach (var option in item.Options)
        {
            var coding = new Coding(option.System, option.Code, option.Display);
            if (option.Ordinal is { } ordinal)
            {
                coding.Extension.Add(new Extension(FhirQuestionnaireReader.OrdinalValueUrl, new FhirDecimal(ordinal)));
            }
            component.AnswerOption.Add(new Questionnaire.AnswerOptionComponent { Value = coding });
        }
        return component;
    }
}
