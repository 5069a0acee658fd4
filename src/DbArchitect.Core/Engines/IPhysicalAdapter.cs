using DbArchitect.Core.Design;
using DbArchitect.Core.Model;

namespace DbArchitect.Core.Engines;

/// <summary>
/// Fits the physical model to what an engine can declare, after names and types are set: an index method it lacks
/// becomes its nearest equivalent or goes, a foreign key action it forbids is changed. Every change is recorded as a
/// decision with its reason, so the design document and design.json describe the database the scripts build.
/// </summary>
public interface IPhysicalAdapter
{
    SchemaModel Adapt(SchemaModel physical, List<DesignDecision> decisions);
}
