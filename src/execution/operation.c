/*-------------------------------------------------------------------------
 *
 * operation.c
 *	  Choosing the operation of a document to run (the spec's
 *	  GetOperation).
 *
 *-------------------------------------------------------------------------
 */
#include "execution.h"

#include <stdio.h>
#include <string.h>

/*
 * The message for an unknown operation name.  A static buffer: the caller
 * gives no arena, and the backend is single-threaded; names longer than the
 * buffer are cut (graphql-js would quote them whole).
 */
static char unknown_message[1100];

/*
 * The operation named operation_name, or the only operation of the
 * document when operation_name is NULL; NULL with graphql-js's message
 * otherwise.
 */
const GqlOperationDefinition *
gql_get_operation(const GqlDocument *document, const char *operation_name,
				  const char **message)
{
	const GqlOperationDefinition *found = NULL;
	int			i;

	*message = NULL;
	for (i = 0; i < document->definitions.count; i++)
	{
		const GqlNode *def = document->definitions.items[i];
		const GqlOperationDefinition *op;

		if (def->kind != GQL_OPERATION_DEFINITION)
			continue;
		op = (const GqlOperationDefinition *) def;
		if (operation_name == NULL)
		{
			if (found != NULL)
			{
				*message = "Must provide operation name if query contains multiple operations.";
				return NULL;
			}
			found = op;
		}
		else if (op->name != NULL && strcmp(op->name->value, operation_name) == 0)
			return op;
	}
	if (operation_name != NULL)
	{
		snprintf(unknown_message, sizeof(unknown_message),
				 "Unknown operation named \"%.1000s\".", operation_name);
		*message = unknown_message;
		return NULL;
	}
	if (found == NULL)
		*message = "Must provide an operation.";
	return found;
}
