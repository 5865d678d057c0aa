package dev.brushedit.spark;

import dev.brushedit.batch.ItemResult;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The results table's schema: the batch's result columns ({@link ItemResult#COLUMNS}; seconds a double,
 * seed a long) plus where and when each item ran (host, executor id, finish time).
 *
 * <p>Thread-safety: stateless.
 */
final class ResultRows {
    static final StructType SCHEMA = schema();

    private ResultRows() {}

    private static StructType schema() {
        List<StructField> fields = new ArrayList<>();
        for (String c : ItemResult.COLUMNS) {
            DataType type = switch (c) {
                case "seconds" -> DataTypes.DoubleType;
                case "seed" -> DataTypes.LongType;
                default -> DataTypes.StringType;
            };
            fields.add(DataTypes.createStructField(c, type, true));
        }
        fields.add(DataTypes.createStructField("host", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("executor_id", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("finished_at", DataTypes.TimestampType, true));
        return DataTypes.createStructType(fields);
    }

    /** {@code result} as a row of {@link #SCHEMA}. */
    static Row of(ItemResult result, String host, String executorId) {
        return of(result.row(), host, executorId);
    }

    /** A row of {@link #SCHEMA} from the string values of {@link ItemResult#COLUMNS}. */
    static Row of(List<String> values, String host, String executorId) {
        Object[] v = new Object[SCHEMA.size()];
        for (int i = 0; i < values.size(); i++) {
            String s = values.get(i);
            v[i] = switch (ItemResult.COLUMNS.get(i)) {
                case "seconds" -> Double.parseDouble(s);
                case "seed" -> s.isEmpty() ? null : Long.parseLong(s);
                default -> s;
            };
        }
        v[values.size()] = host;
        v[values.size() + 1] = executorId;
        v[values.size() + 2] = new Timestamp(System.currentTimeMillis());
        return RowFactory.create(v);
    }
}
