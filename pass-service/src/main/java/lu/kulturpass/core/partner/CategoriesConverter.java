package lu.kulturpass.core.partner;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import lu.kulturpass.token.PassCategory;

/** Stores a set of pass categories as "ADULT,CHILD". */
@Converter
public class CategoriesConverter implements AttributeConverter<Set<PassCategory>, String> {

    @Override
    public String convertToDatabaseColumn(Set<PassCategory> categories) {
        return categories == null ? "" : categories.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<PassCategory> convertToEntityAttribute(String stored) {
        if (stored == null || stored.isBlank()) {
            return EnumSet.noneOf(PassCategory.class);
        }
        return Arrays.stream(stored.split(",")).map(PassCategory::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(PassCategory.class)));
    }
}
