using Microsoft.Extensions.Options;
using SciaticaRelief.Core.Knowledge;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Web.Startup;

namespace SciaticaRelief.Web.Treatments;

/// <summary>
/// The treatment log's services. The modality catalogue and the label maximums are read once from
/// the content folder (<see cref="ContentOptions"/>) into singletons; <see cref="TreatmentContentCheck"/>
/// loads both while the host starts, so a bad file stops the start with a message naming the file
/// rather than failing the first request that needs it.
/// </summary>
public static class TreatmentRegistration
{
        public const string LabelMaximumsFile = "medicines/label-maximums.yaml";

    public static IServiceCollection AddTreatments(this IServiceCollection services)
    {
        // The catalogue is part of the knowledge base: modality files link to topics, so both are read together.
        services.AddSingleton(sp => sp.GetRequiredService<KnowledgeBase>().Modalities);
        services.AddSingleton(sp => LoadLabels(sp.GetRequiredService<IOptions<ContentOptions>>().Value));
        services.AddHostedService<TreatmentContentCheck>();
        services.AddScoped<TreatmentService>();
        services.AddScoped<EarSeedService>();
        return services;
    }

    public static LabelMaximums LoadLabels(ContentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = Path.Combine(options.Folder, LabelMaximumsFile);
        if (!File.Exists(path))
        {
            throw new ContentException($"The label maximums file {path} does not exist (Content:Folder).");
        }
        return LabelMaximums.Load(LabelMaximumsFile, File.ReadAllText(path));
    }
}

/// <summary>Loads the treatment content at start: an exception here stops the host, naming the bad file.</summary>
public sealed class TreatmentContentCheck(IServiceProvider services, ILogger<TreatmentContentCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<ModalityCatalog>(); // reads the whole knowledge base
        var labels = services.GetRequiredService<LabelMaximums>();
        logger.LogInformation("Loaded {Modalities} modalities and label maximums for {Ingredients} ingredients.", catalog.All.Count, labels.Ingredients.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
