using Microsoft.ML.Data;

namespace WorkOrders.Prediction.Rul;

/// <summary>ML.NET's view of one training or scoring row; the vector size is set at run time through a schema definition.</summary>
internal sealed class FeatureVectorRow
{
    public float Label { get; set; }

    [VectorType]
    public float[] Features { get; set; } = [];

    public static SchemaDefinition Schema(int size)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureVectorRow));
        schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
        return schema;
    }
}
