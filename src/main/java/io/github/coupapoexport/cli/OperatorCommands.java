package io.github.coupapoexport.cli;

import java.util.Optional;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Finds the command of a word among the {@link OperatorCommand} beans, building only that one: a command that uses
 * only some settings (README "Commands") must not build another command's Coupa or ERP client. A command's bean is
 * named after its word ({@code statusCommand} for {@code status}), as its {@code @Bean} method is.
 */
public final class OperatorCommands {

    private final ListableBeanFactory beans;

    public OperatorCommands(ListableBeanFactory beans) {
        this.beans = beans;
    }

    /** The command of this word, if it is an operator command. */
    public Optional<OperatorCommand> named(String word) {
        String bean = word + "Command";
        if (!beans.containsBean(bean) || !beans.isTypeMatch(bean, OperatorCommand.class)) {
            return Optional.empty();
        }
        OperatorCommand command = beans.getBean(bean, OperatorCommand.class);
        if (!command.name().equals(word)) {
            throw new IllegalStateException("bean " + bean + " is the command '" + command.name() + "', not '" + word
                    + "': name a command's bean after its word");
        }
        return Optional.of(command);
    }
}
